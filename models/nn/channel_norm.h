// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/core/Tensor.h>

namespace genlab {

/// Layer normalisation over the channels of every pixel of x (N, C, H, W):
/// (x − mean_c) / sqrt(var_c + eps) · g, with the biased variance and g of C values.
/// On CPU (float or double) one fused pass each way with its own backward, instead of the
/// strided var/mean reductions and five elementwise ops of the plain formula (13 ms → 2 ms for
/// 64×16×28×28 forward and backward); elsewhere the plain formula.
at::Tensor channel_layer_norm(const at::Tensor& x, const at::Tensor& g, double eps);

}  // namespace genlab
