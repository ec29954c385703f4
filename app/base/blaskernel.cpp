// SPDX-License-Identifier: GPL-3.0-or-later
#include "blaskernel.h"

#include "nn/cpu_flags.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <dlfcn.h>
#include <unistd.h>

namespace BlasKernel {

namespace {

// Set in the restarted process: the kernel GenLab asked for. Also the guard against a loop.
constexpr const char* kChosen = "GENLAB_BLAS_CHOSEN";
// Diagnostics: treat the loaded kernel as this one (shows the restart on a CPU OpenBLAS knows).
constexpr const char* kAssume = "GENLAB_ASSUME_BLAS_KERNEL";

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

}  // namespace

CpuFeatures parseFlags(std::string_view flags) {
  const auto have = genlab::flag_words(flags);
  auto has = [&](std::string_view f) { return have.count(f) > 0; };
  CpuFeatures cpu;
  cpu.avx = has("avx");
  cpu.avx2 = has("avx2");
  cpu.fma = has("fma");
  cpu.avx512 = has("avx512f") && has("avx512cd") && has("avx512bw") && has("avx512dq") && has("avx512vl");
  cpu.avx512bf16 = cpu.avx512 && has("avx512_bf16");
  cpu.amx = has("amx_tile") && has("amx_bf16");
  return cpu;
}

CpuFeatures thisCpu() { return parseFlags(genlab::cpu_flags()); }

int kernelLevel(std::string_view kernel) {
  // The x86-64 kernels of OpenBLAS 0.3.21's DYNAMIC_ARCH build, by the widest vectors they use.
  static const std::pair<const char*, int> kLevels[] = {
      {"katmai", 1},      {"coppermine", 1}, {"northwood", 1},     {"prescott", 1},   {"banias", 1},
      {"atom", 1},        {"core2", 1},      {"penryn", 1},        {"dunnington", 1}, {"nehalem", 1},
      {"athlon", 1},      {"opteron", 1},    {"opteron_sse3", 1},  {"barcelona", 1},  {"nano", 1},
      {"bobcat", 1},      {"sandybridge", 2}, {"bulldozer", 2},    {"piledriver", 2}, {"haswell", 3},
      {"steamroller", 3}, {"excavator", 3},  {"zen", 3},           {"skylakex", 4},   {"cooperlake", 4},
      {"sapphirerapids", 4},
  };
  const std::string name = lower(kernel);
  for (const auto& [known, level] : kLevels)
    if (name == known)
      return level;
  return 0;
}

std::optional<std::string> betterKernel(const CpuFeatures& cpu, std::string_view detected, bool userChoice) {
  const int have = kernelLevel(detected);
  if (userChoice || have == 0)
    return std::nullopt;
  // The best kernel this OpenBLAS has for what the CPU can run. (0.3.21 has no SapphireRapids
  // kernel; Cooperlake's is SkylakeX's plus bfloat16.)
  std::string best;
  int level = 0;
  if (cpu.avx512) {
    best = cpu.avx512bf16 ? "Cooperlake" : "SkylakeX";
    level = 4;
  } else if (cpu.avx2 && cpu.fma) {
    best = "Haswell";
    level = 3;
  } else if (cpu.avx) {
    best = "Sandybridge";
    level = 2;
  }
  if (level > have)
    return best;
  return std::nullopt;
}

std::string loadedKernel() {
  using CoreName = char* (*)();
  const auto corename = reinterpret_cast<CoreName>(::dlsym(RTLD_DEFAULT, "openblas_get_corename"));
  const char* name = corename ? corename() : nullptr;
  std::string out = name ? name : "";
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
    out.pop_back();
  return out;
}

void restartWithBetterKernel(char** argv) {
  if (std::getenv(kChosen))
    return;  // this is the restarted process
  const char* assumed = std::getenv(kAssume);
  const std::string detected = assumed && *assumed ? std::string(assumed) : loadedKernel();
  const char* user = std::getenv("OPENBLAS_CORETYPE");
  const auto better = betterKernel(thisCpu(), detected, user && *user);
  if (!better)
    return;
  ::setenv("OPENBLAS_CORETYPE", better->c_str(), 1);
  ::setenv(kChosen, better->c_str(), 1);
  ::execv("/proc/self/exe", argv);
  // Could not start again (no /proc?): run on with the kernel there is.
  ::unsetenv("OPENBLAS_CORETYPE");
  ::unsetenv(kChosen);
}

std::string chosenKernel() {
  const char* chosen = std::getenv(kChosen);
  return chosen ? chosen : "";
}

}  // namespace BlasKernel
