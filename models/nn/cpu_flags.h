// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace genlab {

/// The CPU's feature flags as the kernel reports them (the first "flags" line of /proc/cpuinfo:
/// "fpu sse … avx512_bf16 amx_tile …"); empty where there is none.
const std::string& cpu_flags();

/// The whitespace-separated words of a flags line.
std::set<std::string_view> flag_words(std::string_view flags);

}  // namespace genlab
