// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a network is told the class: the code it decodes is the noise or latent z followed by the
// class as one-hot values (a conditional GAN's generator, a CVAE's decoder and encoder).

#include <ATen/core/Tensor.h>

namespace genlab {

/// (B, d + classes): `z` (B, d) then `labels` (B, integers in [0, classes)) one-hot, in z's dtype and
/// device. With classes == 0, `z` itself.
at::Tensor with_class(const at::Tensor& z, const at::Tensor& labels, int64_t classes);

/// The training labels of a model told the class (`classes` > 0), checked: defined exactly when it
/// is told the class, one per image of `count`, each in [0, classes); as contiguous int64. `model`
/// names it in the messages ("a VAE").
at::Tensor checked_labels(const at::Tensor& labels, int64_t classes, int64_t count, const char* model);

/// `n` labels (int64) 0, 1, …, classes − 1, 0, 1, …: every class in turn, equal counts when
/// `classes` divides `n`.
at::Tensor classes_in_turn(int64_t n, int64_t classes);

}  // namespace genlab
