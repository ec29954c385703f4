// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The readers under fuzzing take paths: each fuzz process writes its inputs into a folder of its
// own ($TMPDIR or /tmp, named by the pid), so two fuzzers, or libFuzzer's -jobs workers, never
// read each other's files. Every call rewrites the files it needs.

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fuzz {

inline const std::filesystem::path& scratch() {
  // Never destroyed: the atexit clean-up below runs after static destructors would.
  static const std::filesystem::path* dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    auto* d = new std::filesystem::path(std::filesystem::path(tmp && *tmp ? tmp : "/tmp") /
                                        ("genlab-fuzz-" + std::to_string(getpid())));
    std::error_code ec;
    std::filesystem::remove_all(*d, ec);
    std::filesystem::create_directories(*d);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(scratch(), ignored);
    });
    return d;
  }();
  return *dir;
}

inline void writeFile(const std::filesystem::path& path, const void* data, size_t size) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(data), std::streamsize(size));
  if (!out)
    std::abort();  // the disk, not the reader: stop rather than fuzz stale files
}

// Reads every byte of a buffer in instrumented code, so ASan checks the whole range (the reads
// inside LibTorch and Qt are not instrumented).
inline uint8_t touch(const void* data, size_t size) {
  const auto* p = static_cast<const volatile uint8_t*>(data);
  uint8_t x = 0;
  for (size_t i = 0; i < size; ++i)
    x ^= p[i];
  return x;
}

}  // namespace fuzz
