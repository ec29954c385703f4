// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace genlab {

/// An array read from an IDX file (the MNIST format): unsigned bytes, row-major.
struct IdxArray {
  std::vector<int64_t> dims;   ///< e.g. {10000, 28, 28} for images, {10000} for labels
  std::vector<uint8_t> data;   ///< product(dims) bytes
  int64_t count() const { return dims.empty() ? 0 : dims.front(); }
};

/// Largest file content (after gzip) we accept; protects against gzip bombs.
inline constexpr int64_t kMaxIdxBytes = int64_t(1) << 31;

/// Reads an IDX file of unsigned bytes, raw or gzip-compressed (detected by content, not name).
/// Validates the magic, rank 1..4, non-zero dimensions, and that the data the header
/// claims is exactly what the file holds. Allocates only what the file actually contains.
Result<IdxArray> read_idx(const std::string& path);

/// Parses IDX bytes already in memory (used by read_idx; `name` appears in errors).
Result<IdxArray> parse_idx(const std::string& name, std::vector<uint8_t>&& bytes);

/// Reads a whole file, inflating it when it starts with the gzip magic.
Result<std::vector<uint8_t>> read_maybe_gzip(const std::string& path, int64_t max_bytes);

/// Encodes an IDX array of unsigned bytes (header + data).
std::vector<uint8_t> encode_idx(const IdxArray& array);

/// Writes bytes gzip-compressed, atomically (temp file, flush, rename). ok() or an error.
Status write_gzip_atomic(const std::string& path, const std::vector<uint8_t>& bytes);

}  // namespace genlab
