// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The tensors a network would hold, worked out from its options alone: nothing is built or
// allocated, so a run.json whose options describe billions of parameters is refused before
// anything is allocated (and a weights file can be checked against it tensor by tensor).

#include "io/result.h"
#include "nn/tensor_spec.h"

#include <c10/util/Exception.h>

#include <string>
#include <utility>
#include <vector>

namespace genlab {

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

/// Runs `check`, a function that TORCH_CHECKs options (the one a constructor runs): ok() when it
/// passes, else its message. The constructor's checks, as a value.
template <class Check>
Status check_message(Check&& check) {
  try {
    check();
    return {};
  } catch (const c10::Error& e) {
    return {e.what_without_backtrace()};
  }
}

}  // namespace genlab
