// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/TensorOptions.h>

#include <string>
#include <vector>

namespace torch::nn {
class Module;
}

namespace genlab {

/// Why a device name cannot be used here.
enum class DeviceIssue {
  None,
  Unknown,    ///< not cpu, cuda or cuda:N
  NoCuda,     ///< this LibTorch was built without CUDA
  NoGpu,      ///< LibTorch has CUDA but sees no GPU
  NoSuchGpu,  ///< cuda:N with N ≥ the number of GPUs
};
DeviceIssue device_issue(const std::string& name);
/// The number of CUDA devices LibTorch sees (0 without a CUDA build).
int cuda_device_count();

/// Where a model trains and samples: "cpu", "cuda" (the first GPU) or "cuda:N". The error names
/// what is missing: a LibTorch built without CUDA, a machine without a GPU, or an index too high.
Result<c10::Device> parse_device(const std::string& name);
/// "cpu" or "cuda:N" (what run.json records and parse_device reads back).
std::string device_name(const c10::Device& device);

/// A device this LibTorch can use: its name for parse_device and how many there are of its kind.
struct DeviceChoice {
  std::string name;   ///< "cpu", "cuda:0", …
  bool gpu = false;
};
/// The CPU, then every CUDA device LibTorch sees (none without a CUDA build or a GPU).
std::vector<DeviceChoice> available_devices();
/// Whether this LibTorch was built with CUDA (whether or not a GPU is present).
bool libtorch_has_cuda();

/// The CPU fast paths (the hand-written VAE step's latent loop, the fused channel LayerNorm and
/// gated unit, the transposed convolution as a convolution's adjoint, 1×1 convolutions as batched
/// products, batch slices on threads) run on CPU tensors while enabled; every other device, and the
/// CPU with them disabled, takes the generic ATen path. tst_devices trains with both on the CPU and
/// requires the same numbers.
bool fast_paths_enabled();
/// Whether `t` takes a CPU fast path: a CPU tensor, with fast paths enabled.
bool takes_cpu_fast_path(const at::Tensor& t);

/// While it lives, every thread takes the generic paths (for tests and comparisons). Nests.
class GenericPathsScope {
 public:
  GenericPathsScope();
  ~GenericPathsScope();
  GenericPathsScope(const GenericPathsScope&) = delete;
  GenericPathsScope& operator=(const GenericPathsScope&) = delete;
};

/// Random draws from a run's CPU generator (the one its checkpoints keep), moved to the device and
/// dtype of `options`: a run draws the same numbers on every device, and resumes on any device.
at::Tensor randn_on(at::IntArrayRef sizes, at::Generator& gen, const at::TensorOptions& options);
/// Integers in [0, high) as int64 on `device`.
at::Tensor randint_on(int64_t high, at::IntArrayRef sizes, at::Generator& gen, c10::Device device);
/// Bernoulli draws with probabilities `p`, on p's device.
at::Tensor bernoulli_on(const at::Tensor& p, at::Generator& gen);
/// The values of `t` (any device and dtype) as float32 in memory order, copied to the CPU: what
/// leaves the model boundary for code without torch (plots, pictures).
std::vector<float> floats_of(const at::Tensor& t);

/// The device of a module's first parameter or buffer (the CPU for a module without any).
c10::Device device_of(const torch::nn::Module& module);

}  // namespace genlab
