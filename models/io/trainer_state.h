// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Checks for what a trainer state file holds, run before any of it is used: a resume either takes
// the whole state or leaves the trainer exactly as it was.

#include "io/result.h"

#include <ATen/core/Tensor.h>

#include <string>

namespace genlab {

/// ok() when `state` is a CPU random-generator state this LibTorch can take *and* use safely: the
/// right size and dtype, seeded, and its Mersenne-Twister position inside the 624-word state
/// (LibTorch's own check lets a position through that later reads past the state array).
Status check_generator_state(const at::Tensor& state);

/// ok() when `order` is a permutation of 0..count-1 (int64, one dimension).
Status check_data_order(const at::Tensor& order, int64_t count);

/// ok() when every element of a floating tensor is finite (and, with `non_negative`, ≥ 0).
Status check_finite(const at::Tensor& t, const std::string& name, bool non_negative = false);

}  // namespace genlab
