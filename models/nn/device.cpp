// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/device.h"

#include <ATen/Context.h>
#include <ATen/ops/bernoulli.h>
#include <ATen/ops/randint.h>
#include <ATen/ops/randn.h>
#include <torch/cuda.h>
#include <torch/nn/module.h>
#include <torch/version.h>

#include <algorithm>
#include <atomic>
#include <cctype>

namespace genlab {
namespace {

std::atomic<int> generic_scopes{0};

}  // namespace

// The CUDA runtime is linked in (a CUDA build), whether or not a GPU is there.
bool libtorch_has_cuda() { return at::Context::hasCUDART(); }

int cuda_device_count() { return libtorch_has_cuda() ? int(torch::cuda::device_count()) : 0; }

namespace {

// The N of "cuda:N" ("cuda": 0), or −1 for a name that is not a device.
int cuda_index(const std::string& name) {
  if (name == "cuda")
    return 0;
  if (name.rfind("cuda:", 0) != 0)
    return -1;
  const std::string index = name.substr(5);
  if (index.empty() || index.size() > 3 ||
      !std::all_of(index.begin(), index.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
    return -1;
  return std::stoi(index);
}

}  // namespace

DeviceIssue device_issue(const std::string& name) {
  if (name.empty() || name == "cpu")
    return DeviceIssue::None;
  const int index = cuda_index(name);
  if (index < 0)
    return DeviceIssue::Unknown;
  if (!libtorch_has_cuda())
    return DeviceIssue::NoCuda;
  const int count = cuda_device_count();
  if (count == 0)
    return DeviceIssue::NoGpu;
  return index < count ? DeviceIssue::None : DeviceIssue::NoSuchGpu;
}

Result<c10::Device> parse_device(const std::string& name) {
  Result<c10::Device> out{c10::Device(c10::kCPU), {}};
  switch (device_issue(name)) {
    case DeviceIssue::None:
      if (name.empty() || name == "cpu")
        return out;
      out.value = c10::Device(c10::kCUDA, c10::DeviceIndex(cuda_index(name)));
      return out;
    case DeviceIssue::Unknown:
      out.error = "unknown device '" + name + "': use cpu, cuda or cuda:N";
      return out;
    case DeviceIssue::NoCuda:
      out.error = "device '" + name + "': this LibTorch (" + std::string(TORCH_VERSION) +
                  ") was built without CUDA, so GenLab can only use the CPU here (device cpu)";
      return out;
    case DeviceIssue::NoGpu:
      out.error = "device '" + name + "': LibTorch has CUDA but sees no GPU (no driver, or CUDA_VISIBLE_DEVICES empty?)";
      return out;
    case DeviceIssue::NoSuchGpu:
      out.error = "device '" + name + "': there are " + std::to_string(cuda_device_count()) + " GPUs, numbered from 0";
      return out;
  }
  return out;
}

std::string device_name(const c10::Device& device) {
  if (device.is_cpu())
    return "cpu";
  return device.str().find(':') == std::string::npos ? device.str() + ":0" : device.str();
}

std::vector<DeviceChoice> available_devices() {
  std::vector<DeviceChoice> out{{"cpu", false}};
  for (int i = 0; i < cuda_device_count(); ++i)
    out.push_back({"cuda:" + std::to_string(i), true});
  return out;
}

bool fast_paths_enabled() { return generic_scopes.load(std::memory_order_relaxed) == 0; }

bool takes_cpu_fast_path(const at::Tensor& t) { return t.is_cpu() && fast_paths_enabled(); }

GenericPathsScope::GenericPathsScope() { generic_scopes.fetch_add(1); }

GenericPathsScope::~GenericPathsScope() { generic_scopes.fetch_sub(1); }

at::Tensor randn_on(at::IntArrayRef sizes, at::Generator& gen, const at::TensorOptions& options) {
  const auto draw = at::randn(sizes, gen, at::TensorOptions(options.dtype()));
  return options.device().is_cpu() ? draw : draw.to(options.device());
}

at::Tensor randint_on(int64_t high, at::IntArrayRef sizes, at::Generator& gen, c10::Device device) {
  const auto draw = at::randint(high, sizes, gen, at::TensorOptions(at::kLong));
  return device.is_cpu() ? draw : draw.to(device);
}

std::vector<float> floats_of(const at::Tensor& t) {
  const auto c = t.to(c10::kCPU, at::kFloat).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

at::Tensor bernoulli_on(const at::Tensor& p, at::Generator& gen) {
  if (p.is_cpu())
    return at::bernoulli(p, gen);
  return at::bernoulli(p.cpu(), gen).to(p.device());
}

c10::Device device_of(const torch::nn::Module& module) {
  for (const auto& p : module.parameters())
    return p.device();
  for (const auto& b : module.buffers())
    return b.device();
  return c10::Device(c10::kCPU);
}

}  // namespace genlab
