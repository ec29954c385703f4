// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How GenLab opens the files it reads: regular files only (a FIFO, a device or a directory is
// refused at once, never waited on), and for the files of a run folder not through a symbolic
// link, so that a crafted run cannot make GenLab read — or, with write_file_atomic, write — a
// file elsewhere.

#include "io/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace genlab {

enum class Links { Refuse, Follow };

/// An open, regular file (closed on destruction).
class ReadableFile {
 public:
  ReadableFile() = default;
  ReadableFile(ReadableFile&& other) noexcept;
  ReadableFile& operator=(ReadableFile&& other) noexcept;
  ReadableFile(const ReadableFile&) = delete;
  ReadableFile& operator=(const ReadableFile&) = delete;
  ~ReadableFile();

  /// Opens `path`; the error names the file and says why (missing, a link, not a regular file…).
  static Result<ReadableFile> open(const std::string& path, Links links);

  uint64_t size() const { return size_; }
  /// Reads exactly `n` bytes at the current position; ok() or an error naming the file.
  Status read(void* buffer, uint64_t n);

 private:
  int fd_ = -1;
  uint64_t size_ = 0;
  std::string name_;
};

/// The whole file, refused when it is larger than `max_bytes` (before anything is allocated).
Result<std::vector<uint8_t>> read_whole_file(const std::string& path, uint64_t max_bytes, Links links);

}  // namespace genlab
