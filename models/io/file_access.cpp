// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/file_access.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace genlab {

ReadableFile::ReadableFile(ReadableFile&& other) noexcept
    : fd_(other.fd_), size_(other.size_), name_(std::move(other.name_)) {
  other.fd_ = -1;
}

ReadableFile& ReadableFile::operator=(ReadableFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0)
      ::close(fd_);
    fd_ = other.fd_;
    size_ = other.size_;
    name_ = std::move(other.name_);
    other.fd_ = -1;
  }
  return *this;
}

ReadableFile::~ReadableFile() {
  if (fd_ >= 0)
    ::close(fd_);
}

Result<ReadableFile> ReadableFile::open(const std::string& path, Links links) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It has no
  // effect on regular files, the only kind accepted below.
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  if (links == Links::Refuse)
    flags |= O_NOFOLLOW;
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) {
    const int e = errno;
    if (e == ELOOP)
      return {{}, path + ": is a symbolic link (refused: a run's files must be in its folder)"};
    if (e == ENOENT)
      return {{}, path + ": no such file"};
    return {{}, path + ": cannot open (" + std::strerror(e) + ")"};
  }
  ReadableFile f;
  f.fd_ = fd;
  f.name_ = std::filesystem::path(path).filename().string();
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    return {{}, path + ": cannot read its size (" + std::strerror(errno) + ")"};
  if (!S_ISREG(st.st_mode)) {
    const char* kind = S_ISDIR(st.st_mode) ? "a folder" : S_ISFIFO(st.st_mode) ? "a pipe (FIFO)"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" : "not a regular file";
    return {{}, path + ": is " + std::string(kind) + ", not a regular file"};
  }
  f.size_ = uint64_t(st.st_size);
  return {std::move(f), {}};
}

Status ReadableFile::read(void* buffer, uint64_t n) {
  auto* p = static_cast<char*>(buffer);
  while (n > 0) {
    const size_t chunk = size_t(std::min<uint64_t>(n, uint64_t(1) << 30));
    const ssize_t got = ::read(fd_, p, chunk);
    if (got < 0 && (errno == EINTR || errno == EAGAIN))
      continue;
    if (got < 0)
      return {name_ + ": read failed (" + std::strerror(errno) + ")"};
    if (got == 0)
      return {name_ + ": ends early (the file shrank while it was read)"};
    p += got;
    n -= uint64_t(got);
  }
  return {};
}

Result<std::vector<uint8_t>> read_whole_file(const std::string& path, uint64_t max_bytes, Links links) {
  auto f = ReadableFile::open(path, links);
  if (!f.ok())
    return {{}, f.error};
  const std::string name = std::filesystem::path(path).filename().string();
  if (f.value.size() > max_bytes)
    return {{}, name + ": " + std::to_string(f.value.size()) + " bytes, more than the " + std::to_string(max_bytes) +
                    " this file may have"};
  std::vector<uint8_t> bytes(size_t(f.value.size()));
  if (Status read = f.value.read(bytes.data(), bytes.size()); !read.ok())
    return {{}, read.error};
  return {std::move(bytes), {}};
}

}  // namespace genlab
