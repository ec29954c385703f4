// SPDX-License-Identifier: GPL-3.0-or-later
// Every model family, one line each, in the order the Train page lists them (registry.cpp reads
// this list twice: to declare each family's descriptor and to register it). A new family is its
// file under app/families/, one line here and one in app/CMakeLists.txt.
// No include guard: included with different definitions of GENLAB_FAMILY.
GENLAB_FAMILY(mlpVae)          // mlpvae.cpp
GENLAB_FAMILY(autoencoder)     // mlpvae.cpp
GENLAB_FAMILY(betaVae)         // betavae.cpp
GENLAB_FAMILY(convVae)         // convvae.cpp
GENLAB_FAMILY(dcgan)           // dcgan.cpp
GENLAB_FAMILY(ddpm)            // ddpm.cpp
GENLAB_FAMILY(pixelCnn)        // pixelcnn.cpp
GENLAB_FAMILY(pixelRnn)        // pixelrnn.cpp
GENLAB_FAMILY(toyVae)          // toyplayground.cpp
GENLAB_FAMILY(toyAutoencoder)  // toyplayground.cpp
GENLAB_FAMILY(toyGan)          // toyplayground.cpp
GENLAB_FAMILY(toyDiffusion)    // toydiffusion.cpp
