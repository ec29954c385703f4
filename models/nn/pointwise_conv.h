// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/core/Tensor.h>

namespace genlab {

/// A 1×1 convolution of x (B, C, H, W) with `weight` (O, C, 1, 1) and `bias` (O), plus `residual`
/// (B, O, H, W) when given: one batched matrix product per image, whose backward OpenBLAS runs
/// 2–10× faster than oneDNN's for a NCHW 1×1 convolution with few channels (the 64 → 1 output
/// head the most). Same sums as conv2d in another order (tst_nnblocks).
at::Tensor pointwise_conv(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                          const at::Tensor& residual = {});

}  // namespace genlab
