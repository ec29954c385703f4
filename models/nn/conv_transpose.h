// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/core/Tensor.h>
#include <torch/nn/modules/container/sequential.h>

namespace genlab {

/// The same function as torch::nn::functional::conv_transpose2d (groups 1, dilation 1, no output
/// padding) with the same weight layout (in, out, k, k), computed as what a transposed convolution
/// is: the input-gradient of the ordinary convolution with that weight. LibTorch 1.13 runs that on
/// oneDNN's fast path, while its own ConvTranspose2d goes through col2im + BLAS (3–4× slower at
/// DCGAN sizes). Backward: ∂x = conv2d(∂y, W); ∂W = the convolution's weight-gradient with input ∂y
/// and output-gradient x. Differentiable in x, weight and bias. Inside a PrecisionScope (CPU
/// autocast) it computes in bfloat16, as LibTorch's own convolutions do there.
at::Tensor conv_transpose2d_fast(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                                 int64_t stride, int64_t padding);

/// `layers`' forward, with every ConvTranspose2d in it computed by conv_transpose2d_fast.
at::Tensor forward_fast(torch::nn::Sequential& layers, at::Tensor x);

}  // namespace genlab
