// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/idx.h"

#include "io/atomic_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
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

Result<std::vector<uint8_t>> read_maybe_gzip(const std::string& path, int64_t max_bytes) {
  Result<std::vector<uint8_t>> r;
  const std::string name = base_name(path);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    r.error = path + ": no such file";
    return r;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    r.error = path + ": cannot open";
    return r;
  }
  std::vector<uint8_t> raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (raw.empty()) {
    r.error = name + ": empty file";
    return r;
  }
  if (raw.size() < 2 || raw[0] != 0x1f || raw[1] != 0x8b) {
    r.value = std::move(raw);
    return r;
  }

  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    r.error = name + ": zlib initialisation failed";
    return r;
  }
  zs.next_in = raw.data();
  zs.avail_in = uInt(raw.size());
  std::vector<uint8_t> out;
  uint8_t chunk[1 << 16];
  int rc = Z_OK;
  // Grow by what inflate actually produces, never by what the data claims.
  while (rc != Z_STREAM_END) {
    zs.next_out = chunk;
    zs.avail_out = sizeof chunk;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      const bool truncated = (rc == Z_BUF_ERROR && zs.avail_in == 0);
      r.error = name + (truncated ? ": truncated gzip stream" : ": corrupt gzip data")
                + (zs.msg ? std::string(" (") + zs.msg + ")" : std::string());
      inflateEnd(&zs);
      return r;
    }
    out.insert(out.end(), chunk, chunk + (sizeof chunk - zs.avail_out));
    if (int64_t(out.size()) > max_bytes) {
      r.error = name + ": decompresses to more than " + std::to_string(max_bytes) + " bytes";
      inflateEnd(&zs);
      return r;
    }
  }
  inflateEnd(&zs);
  r.value = std::move(out);
  return r;
}

Result<IdxArray> parse_idx(const std::string& name, std::vector<uint8_t>&& bytes) {
  Result<IdxArray> r;
  if (bytes.size() < 4) {
    r.error = name + ": too short for an IDX header (" + std::to_string(bytes.size()) + " bytes)";
    return r;
  }
  const uint32_t magic = read_be32(bytes.data());
  const unsigned type = (magic >> 8) & 0xff;
  const unsigned rank = magic & 0xff;
  if ((magic >> 16) != 0) {
    r.error = name + ": not an IDX file (magic " + hex32(magic) + ")";
    return r;
  }
  if (type != 0x08) {
    r.error = name + ": unsupported IDX data type " + hex32(type)
              + " (only unsigned bytes, 0x08, are supported)";
    return r;
  }
  if (rank < 1 || rank > 4) {
    r.error = name + ": unsupported IDX rank " + std::to_string(rank) + " (1 to 4 expected)";
    return r;
  }
  const size_t header = 4 + 4 * size_t(rank);
  if (bytes.size() < header) {
    r.error = name + ": truncated header (" + std::to_string(bytes.size()) + " bytes, "
              + std::to_string(header) + " needed for rank " + std::to_string(rank) + ")";
    return r;
  }
  IdxArray a;
  uint64_t expected = 1;
  for (unsigned i = 0; i < rank; ++i) {
    const uint32_t d = read_be32(bytes.data() + 4 + 4 * i);
    if (d == 0) {
      r.error = name + ": dimension " + std::to_string(i) + " is zero";
      return r;
    }
    expected *= d;
    if (expected > uint64_t(kMaxIdxBytes)) {
      r.error = name + ": header claims more than " + std::to_string(kMaxIdxBytes) + " bytes";
      return r;
    }
    a.dims.push_back(d);
  }
  const uint64_t actual = bytes.size() - header;
  if (actual != expected) {
    std::ostringstream s;
    s << name << ": header says " << expected << " data bytes";
    for (size_t i = 0; i < a.dims.size(); ++i)
      s << (i ? "x" : " (") << a.dims[i];
    s << "), file has " << actual << (actual < expected ? " (truncated)" : " (trailing bytes)");
    r.error = s.str();
    return r;
  }
  bytes.erase(bytes.begin(), bytes.begin() + std::ptrdiff_t(header));
  a.data = std::move(bytes);
  r.value = std::move(a);
  return r;
}

Result<IdxArray> read_idx(const std::string& path) {
  auto raw = read_maybe_gzip(path, kMaxIdxBytes + 64);
  if (!raw.ok())
    return {{}, raw.error};
  return parse_idx(base_name(path), std::move(raw.value));
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

std::string write_gzip_atomic(const std::string& path, const std::vector<uint8_t>& bytes) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return path + ": zlib initialisation failed";
  std::vector<uint8_t> out(deflateBound(&zs, uLong(bytes.size())) + 64);
  zs.next_in = const_cast<uint8_t*>(bytes.data());
  zs.avail_in = uInt(bytes.size());
  zs.next_out = out.data();
  zs.avail_out = uInt(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END)
    return path + ": compression failed";
  return write_file_atomic(path, out);
}

}  // namespace genlab
