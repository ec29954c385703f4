// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <c10/core/Device.h>

#include <optional>
#include <string>

namespace genlab {

/// Arithmetic of the convolutional families: float32 throughout, or bfloat16 convolutions and
/// matrix products (through oneDNN) with float32 master weights, norms, losses and diffusion buffers.
enum class Precision { Float32, BFloat16 };

/// "fp32" / "bf16" (the CLI's and run.json's spelling).
std::string precision_name(Precision p);
std::optional<Precision> precision_from_name(const std::string& name);

/// The precision asked for by name ("bf16", "fp32"), or for "" (automatic) bf16 where the CPU
/// computes it natively and fp32 elsewhere; unknown names give fp32 (callers validate first).
Precision chosen_precision(const std::string& asked);

/// Whether this CPU computes in bfloat16 natively (AVX512-BF16 or AMX): where bf16 is the default.
bool cpu_has_native_bf16();

/// While it lives, the calling thread runs convolutions and matrix products in bfloat16
/// (LibTorch's autocast for the kind of `device`: CPU or CUDA) when `p` is BFloat16; parameters
/// stay float32, and their gradients come back float32. Nothing changes for Float32. Nests.
class PrecisionScope {
 public:
  explicit PrecisionScope(Precision p, c10::Device device = c10::Device(c10::kCPU));
  ~PrecisionScope();
  PrecisionScope(const PrecisionScope&) = delete;
  PrecisionScope& operator=(const PrecisionScope&) = delete;

 private:
  c10::DeviceType type_ = c10::DeviceType::CPU;
  bool active_ = false, was_enabled_ = false;
  int was_dtype_ = 0;
};

}  // namespace genlab
