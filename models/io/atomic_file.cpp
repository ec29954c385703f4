// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace genlab {
namespace {

std::atomic<uint64_t> g_counter{0};

// Creates a temporary file beside `path` that did not exist before (O_EXCL: a file or a link
// someone placed under that name is never opened, let alone followed).
int create_temporary(const std::string& path, std::string* tmp) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    *tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(g_counter++);
    const int fd = ::open(tmp->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd >= 0 || errno != EEXIST)
      return fd;
  }
  errno = EEXIST;
  return -1;
}

}  // namespace

Status write_file_atomic(const std::string& path, const void* bytes, size_t size) {
  std::string tmp;
  const int fd = create_temporary(path, &tmp);
  if (fd < 0)
    return {path + ": cannot create (" + std::strerror(errno) + ")"};
  const auto* p = static_cast<const char*>(bytes);
  size_t left = size;
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      const std::string err = n < 0 ? std::strerror(errno) : "no space written";
      ::close(fd);
      ::unlink(tmp.c_str());
      return {path + ": write failed (" + err + ")"};
    }
    p += n;
    left -= size_t(n);
  }
  // fsync before rename: otherwise a power cut can leave the renamed file empty.
  if (::fsync(fd) != 0) {
    const std::string err = std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return {path + ": flush failed (" + err + ")"};
  }
  if (::close(fd) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return {path + ": flush failed (" + err + ")"};
  }
  // rename() replaces `path` itself: when `path` is a symbolic link, the link is replaced and
  // its target left untouched, so a write never lands outside the folder it names.
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmp.c_str());
    return {path + ": rename failed (" + err + ")"};
  }
  // The rename is durable only once the folder's entry is on disk.
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty())
    dir = ".";
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

}  // namespace genlab
