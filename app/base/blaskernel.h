// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The right OpenBLAS kernel for this CPU (no Qt, no torch: it runs first thing in main()).
//
// OpenBLAS picks its CPU kernel when the library loads, before main(). Debian's 0.3.21 does not
// know some newer CPUs (Xeons with AMX among them) and falls back to its SSE3 "Prescott" kernel,
// 4–8× slower than the AVX-512 one the CPU can run. The only cure is OPENBLAS_CORETYPE, read at
// load time: so GenLab starts itself again with it. The user's own OPENBLAS_CORETYPE always wins.

#include <optional>
#include <string>
#include <string_view>

namespace BlasKernel {

/// What the CPU can run, as the kernel reports it (/proc/cpuinfo "flags").
struct CpuFeatures {
  bool avx = false, avx2 = false, fma = false;
  bool avx512 = false;      ///< F, CD, BW, DQ and VL: what OpenBLAS's SkylakeX kernel needs
  bool avx512bf16 = false;  ///< Cooper Lake and later, Zen 4 and later
  bool amx = false;         ///< AMX tiles with bf16 (Sapphire Rapids and later)
};

/// Parses the space-separated flags of /proc/cpuinfo.
CpuFeatures parseFlags(std::string_view flags);
/// This machine's (first CPU's flags in /proc/cpuinfo; none found: nothing).
CpuFeatures thisCpu();

/// How wide the vectors of an OpenBLAS x86-64 kernel are: 1 SSE, 2 AVX, 3 AVX2, 4 AVX-512;
/// 0 for a name it does not know (then GenLab leaves it alone).
int kernelLevel(std::string_view kernel);

/// The kernel to ask for when `detected` is narrower than what `cpu` can run; nothing when the
/// detected one is right, unknown (not OpenBLAS, another architecture) or `userChoice` is set.
std::optional<std::string> betterKernel(const CpuFeatures& cpu, std::string_view detected, bool userChoice);

/// The kernel OpenBLAS uses in this process ("" when the BLAS is not OpenBLAS).
std::string loadedKernel();

/// At the very start of main(), before any thread: when OpenBLAS fell back to a kernel narrower
/// than this CPU allows and the user set no OPENBLAS_CORETYPE, replaces this process with itself
/// under OPENBLAS_CORETYPE=<the better kernel>. Returns only when nothing is to be done or the
/// restart failed (then GenLab runs on as it is). Once per launch: the restarted process sees
/// GENLAB_BLAS_CHOSEN and never restarts again.
void restartWithBetterKernel(char** argv);

/// The kernel GenLab chose at start-up ("" when it chose none: the library's own or the user's).
std::string chosenKernel();

}  // namespace BlasKernel
