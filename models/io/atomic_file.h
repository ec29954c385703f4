// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace genlab {

/// Writes `bytes` to `path` so that a reader sees the old file or the complete new one, never a
/// part: write to a temporary file beside it, flush to disk, rename over. ok() or an error.
Status write_file_atomic(const std::string& path, const void* bytes, size_t size);

inline Status write_file_atomic(const std::string& path, const std::vector<uint8_t>& bytes) {
  return write_file_atomic(path, bytes.data(), bytes.size());
}

}  // namespace genlab
