// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// No LibTorch: a tensor as a name and a shape, and counts over a list of them. The app's model
// registry (no torch) compares a weights file's tensors with what run.json describes through it.

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace genlab {

/// a · b for a, b ≥ 0, or INT64_MAX when that overflows.
inline int64_t saturating_mul(int64_t a, int64_t b) {
  if (a <= 0 || b <= 0)
    return 0;
  return a > std::numeric_limits<int64_t>::max() / b ? std::numeric_limits<int64_t>::max() : a * b;
}

/// a + b for a, b ≥ 0, or INT64_MAX when that overflows.
inline int64_t saturating_add(int64_t a, int64_t b) {
  return a > std::numeric_limits<int64_t>::max() - b ? std::numeric_limits<int64_t>::max() : a + b;
}

/// One tensor of a module as `named_parameters()` or `named_buffers()` lists it.
struct TensorSpec {
  std::string name;            ///< the module's own name ("downs.0.1.block1.proj.weight")
  std::vector<int64_t> shape;  ///< {} for a scalar
  bool buffer = false;         ///< a buffer (batch-norm statistics, data scaling), else a parameter
  bool integer = false;        ///< int64 (batch norm's num_batches_tracked), else float32

  /// The product of the sizes (1 for a scalar), INT64_MAX when that overflows.
  int64_t numel() const {
    int64_t n = 1;
    for (const int64_t s : shape)
      n = saturating_mul(n, s);
    return n;
  }
};

/// A module's tensors: its parameters in the order named_parameters() lists them, then its buffers
/// in the order named_buffers() lists them.
using TensorSpecs = std::vector<TensorSpec>;

/// The number of learned values (buffers not counted), INT64_MAX when that overflows.
inline int64_t parameter_count(const TensorSpecs& specs) {
  int64_t n = 0;
  for (const auto& s : specs)
    if (!s.buffer)
      n = saturating_add(n, s.numel());
  return n;
}

/// The number of values of every tensor, parameters and buffers, INT64_MAX when that overflows.
inline int64_t element_count(const TensorSpecs& specs) {
  int64_t n = 0;
  for (const auto& s : specs)
    n = saturating_add(n, s.numel());
  return n;
}

/// `specs` with `prefix` put before every name as it is ("generator." gives "generator.main.0.weight").
inline TensorSpecs with_prefix(const TensorSpecs& specs, const std::string& prefix) {
  TensorSpecs out = specs;
  for (auto& s : out)
    s.name = prefix + s.name;
  return out;
}

}  // namespace genlab
