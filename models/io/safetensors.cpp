// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/safetensors.h"

#include "io/atomic_file.h"
#include "io/file_access.h"
#include "io/strict_json.h"

#include <ATen/ops/empty.h>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <locale>
#include <string_view>
#include <memory>
#include <sstream>

namespace genlab {
namespace {

constexpr uint64_t kMaxHeader = 100u << 20;
constexpr size_t kMaxDims = 16;

struct DType {
  const char* name;
  at::ScalarType type;
};
constexpr DType kDTypes[] = {
    {"F32", at::kFloat}, {"F64", at::kDouble}, {"F16", at::kHalf},  {"BF16", at::kBFloat16},
    {"I64", at::kLong},  {"I32", at::kInt},    {"I16", at::kShort}, {"I8", at::kChar},
    {"U8", at::kByte},   {"BOOL", at::kBool},
};

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

at::Tensor SafetensorsFile::find(const std::string& name) const {
  for (const auto& [n, t] : tensors)
    if (n == name)
      return t;
  return {};
}

Status save_safetensors(const std::string& path, const NamedTensors& tensors,
                        const std::map<std::string, std::string>& metadata) {
  std::ostringstream header;
  header.imbue(std::locale::classic());  // integers without thousands separators, whatever the global locale
  header << '{';
  bool first = true;
  if (!metadata.empty()) {
    header << "\"__metadata__\":{";
    for (auto it = metadata.begin(); it != metadata.end(); ++it)
      header << (it == metadata.begin() ? "" : ",") << '"' << json_escape(it->first) << "\":\""
             << json_escape(it->second) << '"';
    header << '}';
    first = false;
  }
  std::vector<at::Tensor> contiguous;
  uint64_t offset = 0;
  for (const auto& [name, t] : tensors) {
    const DType* dt = nullptr;
    for (const auto& d : kDTypes)
      if (d.type == t.scalar_type())
        dt = &d;
    if (!dt)
      return {path + ": tensor '" + name + "' has a dtype safetensors cannot hold"};
    auto c = t.detach().to(at::kCPU).contiguous();
    const uint64_t bytes = uint64_t(c.numel()) * c.element_size();
    header << (first ? "" : ",") << '"' << json_escape(name) << "\":{\"dtype\":\"" << dt->name
           << "\",\"shape\":[";
    for (int64_t i = 0; i < c.dim(); ++i)
      header << (i ? "," : "") << c.size(i);
    header << "],\"data_offsets\":[" << offset << ',' << offset + bytes << "]}";
    offset += bytes;
    first = false;
    contiguous.push_back(std::move(c));
  }
  header << '}';
  std::string h = header.str();
  while ((8 + h.size()) % 8 != 0)
    h.push_back(' ');
  std::vector<uint8_t> out(8 + h.size() + offset);
  const uint64_t n = h.size();
  for (int i = 0; i < 8; ++i)
    out[size_t(i)] = uint8_t(n >> (8 * i));
  std::memcpy(out.data() + 8, h.data(), h.size());
  uint8_t* data = out.data() + 8 + h.size();
  for (const auto& c : contiguous) {
    const size_t bytes = size_t(c.numel()) * c.element_size();
    if (bytes)
      std::memcpy(data, c.data_ptr(), bytes);
    data += bytes;
  }
  return write_file_atomic(path, out);
}

namespace {

struct Entry {
  std::string name;
  at::ScalarType type;
  std::vector<int64_t> shape;
  uint64_t begin, end;
};

struct Header {
  std::map<std::string, std::string> metadata;
  std::vector<Entry> entries;  ///< sorted by their first byte
  uint64_t data_size = 0;
};

std::string describe_range(const Entry& e) {
  std::string out(1, '[');  // appended, not "[" + …: GCC 12 warns falsely (-Wrestrict) on that form
  out += std::to_string(e.begin);
  out += ", ";
  out += std::to_string(e.end);
  out += ']';
  return out;
}

// One tensor's header entry: exactly dtype, shape and data_offsets, integers only, arithmetic checked.
Status parse_entry(const std::string& key, const JsonValue& v, uint64_t data_size, Entry* e) {
  if (v.kind != JsonValue::Object)
    return {"entry '" + key + "' is not an object"};
  const JsonValue *dtype = nullptr, *shape = nullptr, *offsets = nullptr;
  for (const auto& [f, fv] : v.members) {
    if (f == "dtype") dtype = &fv;
    else if (f == "shape") shape = &fv;
    else if (f == "data_offsets") offsets = &fv;
    else return {"tensor '" + key + "' has an unknown field '" + f + "'"};
  }
  if (!dtype || !shape || !offsets || dtype->kind != JsonValue::String || shape->kind != JsonValue::Array ||
      offsets->kind != JsonValue::Array || offsets->items.size() != 2)
    return {"tensor '" + key + "' needs dtype, shape and two data_offsets"};
  e->name = key;
  const DType* dt = nullptr;
  for (const auto& d : kDTypes)
    if (dtype->text == d.name)
      dt = &d;
  if (!dt)
    return {"tensor '" + key + "' has unsupported dtype '" + dtype->text + "'"};
  e->type = dt->type;
  if (shape->items.size() > kMaxDims)
    return {"tensor '" + key + "' has " + std::to_string(shape->items.size()) + " dimensions (at most " +
            std::to_string(kMaxDims) + ")"};
  // Elements, counted with overflow checks; every dimension is bounded by the data the file holds
  // unless another dimension is zero.
  uint64_t numel = 1;
  bool overflow = false;
  for (const auto& d : shape->items) {
    uint64_t n;
    if (!d.as_uint64(&n) || n > uint64_t(INT64_MAX))
      return {"tensor '" + key + "' has a shape that is not a list of non-negative integers"};
    e->shape.push_back(int64_t(n));
    overflow = overflow || __builtin_mul_overflow(numel, n, &numel);
  }
  uint64_t bytes = 0;
  overflow = overflow || __builtin_mul_overflow(numel, uint64_t(c10::elementSize(e->type)), &bytes);
  if (overflow || numel > uint64_t(INT64_MAX))
    return {"tensor '" + key + "' has a shape whose size does not fit in 64 bits"};
  if (!offsets->items[0].as_uint64(&e->begin) || !offsets->items[1].as_uint64(&e->end))
    return {"tensor '" + key + "' has data_offsets that are not non-negative integers"};
  if (e->begin > e->end || e->end > data_size)
    return {"tensor '" + key + "' has data_offsets " + describe_range(*e) + " outside the " +
            std::to_string(data_size) + " data bytes"};
  if (e->end - e->begin != bytes)
    return {"tensor '" + key + "' has shape needing " + std::to_string(bytes) + " bytes but its range holds " +
            std::to_string(e->end - e->begin)};
  return {};
}

Result<Header> parse_header(std::string_view text, uint64_t data_size) {
  auto root = parse_json(text);
  if (!root.ok())
    return {{}, "header is not valid JSON (" + root.error + ")"};
  if (root.value.kind != JsonValue::Object)
    return {{}, "header is not a JSON object"};
  Header h;
  h.data_size = data_size;
  for (const auto& [key, v] : root.value.members) {  // keys are unique: parse_json refuses duplicates
    if (key == "__metadata__") {
      if (v.kind != JsonValue::Object)
        return {{}, "__metadata__ is not an object"};
      for (const auto& [mk, mv] : v.members) {
        if (mv.kind != JsonValue::String)
          return {{}, "__metadata__ value of '" + mk + "' is not a string"};
        h.metadata[mk] = mv.text;
      }
      continue;
    }
    Entry e{};
    if (Status parsed = parse_entry(key, v, data_size, &e); !parsed.ok())
      return {{}, parsed.error};
    h.entries.push_back(std::move(e));
  }
  // The ranges must tile the data exactly: sorted, each starts where the previous ended.
  std::sort(h.entries.begin(), h.entries.end(),
            [](const Entry& a, const Entry& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
  uint64_t expected = 0;
  for (const auto& e : h.entries) {
    if (e.begin < expected)
      return {{}, "tensor '" + e.name + "' " + describe_range(e) + " overlaps another tensor's bytes"};
    if (e.begin > expected)
      return {{}, "unused bytes before tensor '" + e.name + "'"};
    expected = e.end;
  }
  if (expected != data_size)
    return {{}, "the file has " + std::to_string(data_size - expected) + " bytes no tensor uses"};
  return {std::move(h), {}};
}

// Opens `path` (no links, regular file) and reads and checks its header; errors name the file.
Result<Header> read_header(const std::string& path, ReadableFile* file) {
  const std::string name = std::filesystem::path(path).filename().string();
  auto fail = [&name](const std::string& what) { return Result<Header>{{}, name + ": " + what}; };
  auto opened = ReadableFile::open(path, Links::Refuse);
  if (!opened.ok())
    return {{}, opened.error};
  *file = std::move(opened.value);
  const uint64_t size = file->size();
  if (size < 8)
    return fail(size == 0 ? "empty file" : "too short for a safetensors header");
  uint8_t len_bytes[8];
  if (Status read = file->read(len_bytes, 8); !read.ok())
    return {{}, read.error};
  uint64_t n = 0;
  for (int i = 0; i < 8; ++i)
    n |= uint64_t(len_bytes[i]) << (8 * i);
  if (n > size - 8)
    return fail("header length " + std::to_string(n) + " exceeds the file (" + std::to_string(size) + " bytes)");
  if (n > kMaxHeader)
    return fail("header length " + std::to_string(n) + " is more than the " + std::to_string(kMaxHeader) +
                " bytes allowed");
  std::string text(size_t(n), '\0');
  if (Status read = file->read(text.data(), n); !read.ok())
    return {{}, read.error};
  auto header = parse_header(text, size - 8 - n);
  if (!header.ok())
    return fail(header.error);
  return header;
}

}  // namespace

Result<std::map<std::string, std::string>> read_safetensors_metadata(const std::string& path) {
  ReadableFile file;
  auto header = read_header(path, &file);
  if (!header.ok())
    return {{}, header.error};
  return {std::move(header.value.metadata), {}};
}

Result<TensorSpecs> read_safetensors_tensors(const std::string& path) {
  ReadableFile file;
  auto header = read_header(path, &file);
  if (!header.ok())
    return {{}, header.error};
  TensorSpecs out;
  for (const auto& e : header.value.entries)
    out.push_back({e.name, e.shape, false, e.type == at::kLong});
  return {std::move(out), {}};
}

Result<SafetensorsFile> load_safetensors(const std::string& path) {
  ReadableFile file;
  auto header = read_header(path, &file);
  if (!header.ok())
    return {{}, header.error};
  // The entries tile the data in order: read each straight into its tensor (the data is held once).
  SafetensorsFile out;
  out.metadata = std::move(header.value.metadata);
  for (const auto& e : header.value.entries) {
    auto t = at::empty(e.shape, at::TensorOptions(e.type));
    if (e.end > e.begin)
      if (Status read = file.read(t.data_ptr(), e.end - e.begin); !read.ok())
        return {{}, read.error};
    out.tensors.emplace_back(e.name, std::move(t));
  }
  return {std::move(out), {}};
}

}  // namespace genlab
