// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The tensors a network would hold, worked out from its options alone: nothing is built or
// allocated, so a run.json whose options describe billions of parameters is refused before
// anything is allocated (and a weights file can be checked against it tensor by tensor).

#include "io/result.h"

#include <c10/util/Exception.h>

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

/// Lists a module's tensors in the order named_parameters() and named_buffers() give them: each
/// module's own tensors in the order of registration, then those of its submodules, depth first,
/// under the path of the submodule that holds them (so add a module's own tensors before its
/// submodules'). The layer helpers give the tensors of LibTorch's own layers with their default
/// options.
class TensorSpecBuilder {
 public:
  void parameter(const std::string& name, std::vector<int64_t> shape) {
    parameters_.push_back({name, std::move(shape), false, false});
  }
  void buffer(const std::string& name, std::vector<int64_t> shape, bool integer = false) {
    buffers_.push_back({name, std::move(shape), true, integer});
  }
  /// The tensors of a submodule registered as `name` ("encoder" gives "encoder.head.weight").
  void module(const std::string& name, const TensorSpecs& specs) {
    for (const auto& s : with_prefix(specs, name + "."))
      (s.buffer ? buffers_ : parameters_).push_back(s);
  }
  /// nn::Linear(in, out): weight (out, in), bias (out).
  void linear(const std::string& name, int64_t in, int64_t out, bool bias = true) {
    parameter(name + ".weight", {out, in});
    if (bias)
      parameter(name + ".bias", {out});
  }
  /// nn::Conv1d/2d(in, out, kernel) with groups 1: weight (out, in, kernel…), bias (out).
  void conv(const std::string& name, int64_t in, int64_t out, const std::vector<int64_t>& kernel, bool bias = true) {
    std::vector<int64_t> shape{out, in};
    shape.insert(shape.end(), kernel.begin(), kernel.end());
    parameter(name + ".weight", std::move(shape));
    if (bias)
      parameter(name + ".bias", {out});
  }
  /// nn::ConvTranspose2d(in, out, kernel) with groups 1: weight (in, out, kernel…), bias (out).
  void conv_transpose(const std::string& name, int64_t in, int64_t out, const std::vector<int64_t>& kernel,
                      bool bias = true) {
    std::vector<int64_t> shape{in, out};
    shape.insert(shape.end(), kernel.begin(), kernel.end());
    parameter(name + ".weight", std::move(shape));
    if (bias)
      parameter(name + ".bias", {out});
  }
  /// nn::BatchNorm1d/2d(c): weight and bias (c); running_mean, running_var (c) and the int64 scalar
  /// num_batches_tracked.
  void batch_norm(const std::string& name, int64_t channels) {
    parameter(name + ".weight", {channels});
    parameter(name + ".bias", {channels});
    buffer(name + ".running_mean", {channels});
    buffer(name + ".running_var", {channels});
    buffer(name + ".num_batches_tracked", {}, /*integer=*/true);
  }
  /// nn::GroupNorm(groups, c): weight and bias (c).
  void group_norm(const std::string& name, int64_t channels) {
    parameter(name + ".weight", {channels});
    parameter(name + ".bias", {channels});
  }
  /// nn::Embedding(count, dim): weight (count, dim).
  void embedding(const std::string& name, int64_t count, int64_t dim) { parameter(name + ".weight", {count, dim}); }

  /// The parameters, then the buffers.
  TensorSpecs specs() const {
    TensorSpecs out = parameters_;
    out.insert(out.end(), buffers_.begin(), buffers_.end());
    return out;
  }

 private:
  TensorSpecs parameters_, buffers_;
};

/// Runs `check`, a function that TORCH_CHECKs options (the one a constructor runs), and returns
/// its message, or an empty string when it passes: the constructor's checks, as a value.
template <class Check>
std::string check_message(Check&& check) {
  try {
    check();
    return {};
  } catch (const c10::Error& e) {
    return e.what_without_backtrace();
  }
}

}  // namespace genlab
