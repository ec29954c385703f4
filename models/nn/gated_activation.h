// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/core/Tensor.h>

namespace genlab {

/// The gated unit tanh(a) · σ(b) of a tensor (B, 2C, …) whose first C channels are a and last C
/// are b; returns (B, C, …). One pass over the memory forward and one backward, where ATen's ops
/// take eight (two of them tanh's slow vector kernel). Differentiable; the result agrees with
/// ATen's tanh and sigmoid to ~1e-7 (tst_nnblocks).
at::Tensor gated_activation(const at::Tensor& x);

}  // namespace genlab
