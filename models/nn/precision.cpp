// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/precision.h"
#include "nn/cpu_flags.h"

#include <ATen/autocast_mode.h>


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

PrecisionScope::PrecisionScope(Precision p) {
  if (p != Precision::BFloat16)
    return;
  active_ = true;
  was_enabled_ = at::autocast::is_cpu_enabled();
  was_dtype_ = int(at::autocast::get_autocast_cpu_dtype());
  at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
  at::autocast::set_cpu_enabled(true);
  at::autocast::increment_nesting();
}

PrecisionScope::~PrecisionScope() {
  if (!active_)
    return;
  if (at::autocast::decrement_nesting() == 0)
    at::autocast::clear_cache();
  at::autocast::set_cpu_enabled(was_enabled_);
  at::autocast::set_autocast_cpu_dtype(at::ScalarType(was_dtype_));
}

}  // namespace genlab
