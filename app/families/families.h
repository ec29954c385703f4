// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to registry.cpp: each family's descriptor, defined in its own file.

#include "modelfamily.h"

namespace Families {
const ModelFamily& mlpVae();          // mlpvae.cpp
const ModelFamily& autoencoder();     // mlpvae.cpp
const ModelFamily& convVae();         // convvae.cpp
const ModelFamily& dcgan();           // dcgan.cpp
const ModelFamily& ddpm();            // ddpm.cpp
const ModelFamily& toyVae();          // toyplayground.cpp
const ModelFamily& toyAutoencoder();  // toyplayground.cpp
const ModelFamily& toyGan();          // toyplayground.cpp
const ModelFamily& toyDiffusion();    // toydiffusion.cpp
}  // namespace Families
/// The loss columns of every GAN: D and G losses, D(x) and D(G(z)) (dcgan.cpp).
QList<LossColumn> ganLosses(bool heldOut);
/// The columns of every diffusion family (ddpm.cpp).
QList<LossColumn> diffusionLosses(bool heldOut);
/// `sample` of every diffusion family (ddpm.cpp).
Result<QImage> sampleDiffusion(const Run& run, const SampleRequest& r);
