// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/idx.h"

#include "io/atomic_file.h"
#include "io/file_access.h"

#include <algorithm>
#include <cstring>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <zlib.h>

namespace genlab {
namespace {

std::string base_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::string hex32(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

uint32_t read_be32(const uint8_t* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

}  // namespace

namespace {

// Inflates a whole gzip file. Its trailer states the uncompressed size (ISIZE): a claim over
// `max_bytes` is refused before anything is inflated, and output beyond the claim is refused
// while inflating, so a gzip bomb costs at most what it claims.
Result<std::vector<uint8_t>> inflate_gzip(const std::string& name, const std::vector<uint8_t>& raw,
                                          int64_t max_bytes) {
  Result<std::vector<uint8_t>> r;
  if (raw.size() < 18) {
    r.error = name + ": truncated gzip stream (" + std::to_string(raw.size()) + " bytes)";
    return r;
  }
  const uint8_t* t = raw.data() + raw.size() - 4;
  const uint64_t claim = uint64_t(t[0]) | uint64_t(t[1]) << 8 | uint64_t(t[2]) << 16 | uint64_t(t[3]) << 24;
  if (claim > uint64_t(max_bytes)) {
    r.error = name + ": its gzip trailer says " + std::to_string(claim) + " bytes, more than the " +
              std::to_string(max_bytes) + " a data file may have";
    return r;
  }
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    r.error = name + ": zlib initialisation failed";
    return r;
  }
  // Grow by what inflate produces (a tiny file claiming 2 GB costs nothing until it delivers),
  // never past the claim plus one byte that detects output beyond it.
  const uint64_t limit = claim + 1;
  std::vector<uint8_t> out(size_t(std::min<uint64_t>(limit, raw.size() * 4 + (1 << 16))));
  zs.next_in = const_cast<uint8_t*>(raw.data());
  zs.avail_in = uInt(raw.size());
  int rc = Z_OK;
  while (true) {
    zs.next_out = out.data() + zs.total_out;
    zs.avail_out = uInt(out.size() - zs.total_out);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK || zs.avail_out != 0 || out.size() == limit)
      break;
    out.resize(size_t(std::min<uint64_t>(limit, uint64_t(out.size()) * 2)));
  }
  if (rc == Z_OK && zs.avail_out == 0)
    rc = Z_BUF_ERROR;  // the output reached claim + 1 bytes: more than the trailer says
  const uint64_t produced = zs.total_out;
  const bool rest = zs.avail_in != 0;
  const bool overflow = produced == limit;
  const std::string msg = zs.msg ? std::string(" (") + zs.msg + ")" : std::string();
  inflateEnd(&zs);
  if (rc == Z_STREAM_END && !rest && produced == claim) {
    out.resize(size_t(claim));
    r.value = std::move(out);
    return r;
  }
  if (rc == Z_STREAM_END && rest)
    r.error = name + ": data after the end of the gzip stream";
  else if (rc == Z_STREAM_END)
    r.error = name + ": inflates to " + std::to_string(produced) + " bytes, its trailer says " + std::to_string(claim);
  else if (overflow)
    r.error = name + ": inflates to more than the " + std::to_string(claim) + " bytes its gzip trailer says";
  else if (rc == Z_BUF_ERROR || rc == Z_OK)
    r.error = name + ": truncated gzip stream" + msg;
  else
    r.error = name + ": corrupt gzip data" + msg;
  return r;
}

// Reads and checks the IDX header at the start of `p` (`n` bytes available, `total` in the file):
// the dimensions, and that the data the header claims is exactly what the file holds.
Status parse_idx_header(const std::string& name, const uint8_t* p, size_t n, uint64_t total, IdxArray* a,
                        size_t* header_bytes) {
  if (n < 4)
    return {name + ": too short for an IDX header (" + std::to_string(total) + " bytes)"};
  const uint32_t magic = read_be32(p);
  const unsigned type = (magic >> 8) & 0xff;
  const unsigned rank = magic & 0xff;
  if ((magic >> 16) != 0)
    return {name + ": not an IDX file (magic " + hex32(magic) + ")"};
  if (type != 0x08)
    return {name + ": unsupported IDX data type " + hex32(type) + " (only unsigned bytes, 0x08, are supported)"};
  if (rank < 1 || rank > 4)
    return {name + ": unsupported IDX rank " + std::to_string(rank) + " (1 to 4 expected)"};
  const size_t header = 4 + 4 * size_t(rank);
  if (n < header)
    return {name + ": truncated header (" + std::to_string(total) + " bytes, " + std::to_string(header) +
            " needed for rank " + std::to_string(rank) + ")"};
  uint64_t expected = 1;
  a->dims.clear();
  for (unsigned i = 0; i < rank; ++i) {
    const uint32_t d = read_be32(p + 4 + 4 * i);
    if (d == 0)
      return {name + ": dimension " + std::to_string(i) + " is zero"};
    expected *= d;
    if (expected > uint64_t(kMaxIdxBytes))
      return {name + ": header claims more than " + std::to_string(kMaxIdxBytes) + " bytes"};
    a->dims.push_back(d);
  }
  const uint64_t actual = total - header;
  if (actual != expected) {
    std::ostringstream s;
    s << name << ": header says " << expected << " data bytes";
    for (size_t i = 0; i < a->dims.size(); ++i)
      s << (i ? "x" : " (") << a->dims[i];
    s << "), file has " << actual << (actual < expected ? " (truncated)" : " (trailing bytes)");
    return {s.str()};
  }
  *header_bytes = header;
  return {};
}

bool starts_like_gzip(const uint8_t* p, size_t n) { return n >= 2 && p[0] == 0x1f && p[1] == 0x8b; }

}  // namespace

Result<std::vector<uint8_t>> read_maybe_gzip(const std::string& path, int64_t max_bytes) {
  const std::string name = base_name(path);
  auto raw = read_whole_file(path, uint64_t(max_bytes), Links::Follow);
  if (!raw.ok())
    return raw;
  if (raw.value.empty())
    return {{}, name + ": empty file"};
  if (!starts_like_gzip(raw.value.data(), raw.value.size()))
    return raw;
  return inflate_gzip(name, raw.value, max_bytes);
}

Result<IdxArray> parse_idx(const std::string& name, std::vector<uint8_t>&& bytes) {
  IdxArray a;
  size_t header = 0;
  if (Status parsed = parse_idx_header(name, bytes.data(), bytes.size(), bytes.size(), &a, &header); !parsed.ok())
    return {{}, parsed.error};
  bytes.erase(bytes.begin(), bytes.begin() + std::ptrdiff_t(header));
  a.data = std::move(bytes);
  return {std::move(a), {}};
}

Result<IdxArray> read_idx(const std::string& path) {
  const std::string name = base_name(path);
  auto file = ReadableFile::open(path, Links::Follow);
  if (!file.ok())
    return {{}, file.error};
  const uint64_t size = file.value.size();
  if (size == 0)
    return {{}, name + ": empty file"};
  uint8_t head[20];
  const size_t n = size_t(std::min<uint64_t>(size, sizeof head));
  if (Status read = file.value.read(head, n); !read.ok())
    return {{}, read.error};
  if (starts_like_gzip(head, n)) {
    auto raw = read_maybe_gzip(path, kMaxIdxBytes + 64);
    if (!raw.ok())
      return {{}, raw.error};
    return parse_idx(name, std::move(raw.value));
  }
  // A raw file is checked from its header and the file size, then read straight into place.
  IdxArray a;
  size_t header = 0;
  if (Status parsed = parse_idx_header(name, head, n, size, &a, &header); !parsed.ok())
    return {{}, parsed.error};
  a.data.resize(size_t(size - header));
  std::memcpy(a.data.data(), head + header, n - header);
  if (Status read = file.value.read(a.data.data() + (n - header), a.data.size() - (n - header)); !read.ok())
    return {{}, read.error};
  return {std::move(a), {}};
}

std::vector<uint8_t> encode_idx(const IdxArray& a) {
  std::vector<uint8_t> out;
  out.reserve(4 + 4 * a.dims.size() + a.data.size());
  auto put32 = [&out](uint32_t v) {
    for (int s = 24; s >= 0; s -= 8)
      out.push_back(uint8_t(v >> s));
  };
  put32(0x0800u | uint32_t(a.dims.size()));
  for (int64_t d : a.dims)
    put32(uint32_t(d));
  out.insert(out.end(), a.data.begin(), a.data.end());
  return out;
}

Status write_gzip_atomic(const std::string& path, const std::vector<uint8_t>& bytes) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return {path + ": zlib initialisation failed"};
  std::vector<uint8_t> out(deflateBound(&zs, uLong(bytes.size())) + 64);
  zs.next_in = const_cast<uint8_t*>(bytes.data());
  zs.avail_in = uInt(bytes.size());
  zs.next_out = out.data();
  zs.avail_out = uInt(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END)
    return {path + ": compression failed"};
  return write_file_atomic(path, out);
}

}  // namespace genlab
