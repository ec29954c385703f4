// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/precision.h"
#include "nn/cpu_flags.h"

#include "nn/torch_compat.h"


namespace genlab {

std::string precision_name(Precision p) { return p == Precision::BFloat16 ? "bf16" : "fp32"; }

std::optional<Precision> precision_from_name(const std::string& name) {
  if (name == "bf16")
    return Precision::BFloat16;
  if (name == "fp32")
    return Precision::Float32;
  return std::nullopt;
}

Precision chosen_precision(const std::string& asked) {
  if (asked.empty())
    return cpu_has_native_bf16() ? Precision::BFloat16 : Precision::Float32;
  return precision_from_name(asked).value_or(Precision::Float32);
}

bool cpu_has_native_bf16() {
  const auto words = flag_words(cpu_flags());
  return words.count("avx512_bf16") > 0 || words.count("amx_bf16") > 0;
}

PrecisionScope::PrecisionScope(Precision p, c10::Device device) {
  if (p != Precision::BFloat16)
    return;
  active_ = true;
  type_ = device.type();
  was_enabled_ = compat::autocast_enabled(type_);
  was_dtype_ = int(compat::autocast_dtype(type_));
  compat::set_autocast_dtype(type_, at::kBFloat16);
  compat::set_autocast_enabled(type_, true);
  at::autocast::increment_nesting();
}

PrecisionScope::~PrecisionScope() {
  if (!active_)
    return;
  if (at::autocast::decrement_nesting() == 0)
    at::autocast::clear_cache();
  compat::set_autocast_enabled(type_, was_enabled_);
  compat::set_autocast_dtype(type_, at::ScalarType(was_dtype_));
}

}  // namespace genlab
