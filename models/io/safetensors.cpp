// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/safetensors.h"

#include "io/numbers.h"

#include "io/atomic_file.h"

#include <ATen/ops/empty.h>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <locale>
#include <memory>
#include <sstream>

namespace genlab {
namespace {

constexpr uint64_t kMaxHeader = 100u << 20;

struct DType {
  const char* name;
  at::ScalarType type;
};
constexpr DType kDTypes[] = {
    {"F32", at::kFloat}, {"F64", at::kDouble}, {"F16", at::kHalf},  {"BF16", at::kBFloat16},
    {"I64", at::kLong},  {"I32", at::kInt},    {"I16", at::kShort}, {"I8", at::kChar},
    {"U8", at::kByte},   {"BOOL", at::kBool},
};

// A JSON value, just enough for safetensors headers.
struct Json {
  enum Kind { Null, Bool, Number, String, Array, Object } kind = Null;
  double number = 0;
  std::string text;
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;
};

class JsonParser {
 public:
  explicit JsonParser(const std::string& s) : s_(s) {}
  bool parse(Json& out, std::string& error) {
    if (!value(out, 0) || (skip(), pos_ != s_.size())) {
      error = error_.empty() ? "unexpected text at byte " + std::to_string(pos_) : error_;
      return false;
    }
    return true;
  }

 private:
  void skip() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t'))
      ++pos_;
  }
  bool fail(const std::string& what) {
    if (error_.empty())
      error_ = what + " at byte " + std::to_string(pos_);
    return false;
  }
  bool string(std::string& out) {
    if (s_[pos_] != '"')
      return fail("expected a string");
    ++pos_;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      char c = s_[pos_++];
      if (c == '\\') {
        if (pos_ >= s_.size())
          return fail("unterminated escape");
        const char e = s_[pos_++];
        switch (e) {
          case 'n': c = '\n'; break;
          case 't': c = '\t'; break;
          case 'r': c = '\r'; break;
          case 'b': c = '\b'; break;
          case 'f': c = '\f'; break;
          case 'u':
            if (pos_ + 4 > s_.size())
              return fail("bad \\u escape");
            pos_ += 4;  // names we write are ASCII; keep a placeholder for others
            c = '?';
            break;
          default: c = e;
        }
      }
      out.push_back(c);
    }
    if (pos_ >= s_.size())
      return fail("unterminated string");
    ++pos_;
    return true;
  }
  bool value(Json& out, int depth) {
    if (depth > 16)
      return fail("nesting too deep");
    skip();
    if (pos_ >= s_.size())
      return fail("unexpected end");
    const char c = s_[pos_];
    if (c == '{') {
      out.kind = Json::Object;
      ++pos_;
      skip();
      if (pos_ < s_.size() && s_[pos_] == '}') return ++pos_, true;
      while (true) {
        skip();
        std::pair<std::string, Json> m;
        if (pos_ >= s_.size() || !string(m.first)) return fail("expected a key");
        skip();
        if (pos_ >= s_.size() || s_[pos_] != ':') return fail("expected ':'");
        ++pos_;
        if (!value(m.second, depth + 1)) return false;
        out.members.push_back(std::move(m));
        skip();
        if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
        if (pos_ < s_.size() && s_[pos_] == '}') return ++pos_, true;
        return fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      out.kind = Json::Array;
      ++pos_;
      skip();
      if (pos_ < s_.size() && s_[pos_] == ']') return ++pos_, true;
      while (true) {
        Json item;
        if (!value(item, depth + 1)) return false;
        out.items.push_back(std::move(item));
        skip();
        if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
        if (pos_ < s_.size() && s_[pos_] == ']') return ++pos_, true;
        return fail("expected ',' or ']'");
      }
    }
    if (c == '"') {
      out.kind = Json::String;
      return string(out.text);
    }
    for (auto [word, kind, b] : {std::tuple{"true", Json::Bool, 1.0}, std::tuple{"false", Json::Bool, 0.0},
                                 std::tuple{"null", Json::Null, 0.0}}) {
      if (s_.compare(pos_, std::strlen(word), word) == 0) {
        pos_ += std::strlen(word);
        out.kind = kind;
        out.number = b;
        return true;
      }
    }
    const char* begin = s_.c_str() + pos_;
    const char* end = parse_double(begin, s_.c_str() + s_.size(), &out.number);  // not strtod: locale-free
    if (end == begin)
      return fail("unexpected character");
    out.kind = Json::Number;
    pos_ += size_t(end - begin);
    return true;
  }

  const std::string& s_;
  size_t pos_ = 0;
  std::string error_;
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

std::string save_safetensors(const std::string& path, const NamedTensors& tensors,
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
      return path + ": tensor '" + name + "' has a dtype safetensors cannot hold";
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

Result<SafetensorsFile> load_safetensors(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  auto fail = [&](const std::string& what) { return Result<SafetensorsFile>{{}, name + ": " + what}; };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return {{}, path + ": no such file"};
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (ec)
    return fail("cannot read size");
  if (size < 8)
    return fail(size == 0 ? "empty file" : "too short for a safetensors header");
  std::ifstream in(path, std::ios::binary);
  uint8_t len_bytes[8];
  in.read(reinterpret_cast<char*>(len_bytes), 8);
  uint64_t n = 0;
  for (int i = 0; i < 8; ++i)
    n |= uint64_t(len_bytes[i]) << (8 * i);
  if (n > kMaxHeader || n > size - 8)
    return fail("header length " + std::to_string(n) + " exceeds the file (" + std::to_string(size) + " bytes)");
  std::string h(n, '\0');
  in.read(h.data(), std::streamsize(n));
  if (!in)
    return fail("cannot read the header");
  Json root;
  std::string jerr;
  if (!JsonParser(h).parse(root, jerr))
    return fail("header is not valid JSON (" + jerr + ")");
  if (root.kind != Json::Object)
    return fail("header is not a JSON object");

  const uint64_t data_size = size - 8 - n;
  struct Entry { std::string name; at::ScalarType type; std::vector<int64_t> shape; uint64_t begin, end; };
  std::vector<Entry> entries;
  SafetensorsFile file;
  for (const auto& [key, v] : root.members) {
    if (key == "__metadata__") {
      if (v.kind != Json::Object)
        return fail("__metadata__ is not an object");
      for (const auto& [mk, mv] : v.members) {
        if (mv.kind != Json::String)
          return fail("__metadata__ value of '" + mk + "' is not a string");
        file.metadata[mk] = mv.text;
      }
      continue;
    }
    for (const auto& e : entries)
      if (e.name == key)
        return fail("tensor '" + key + "' appears twice");
    if (v.kind != Json::Object)
      return fail("entry '" + key + "' is not an object");
    const Json *dtype = nullptr, *shape = nullptr, *offsets = nullptr;
    for (const auto& [f, fv] : v.members) {
      if (f == "dtype") dtype = &fv;
      else if (f == "shape") shape = &fv;
      else if (f == "data_offsets") offsets = &fv;
    }
    if (!dtype || !shape || !offsets || dtype->kind != Json::String || shape->kind != Json::Array ||
        offsets->kind != Json::Array || offsets->items.size() != 2)
      return fail("tensor '" + key + "' needs dtype, shape and two data_offsets");
    Entry e{key, at::kFloat, {}, 0, 0};
    const DType* dt = nullptr;
    for (const auto& d : kDTypes)
      if (dtype->text == d.name)
        dt = &d;
    if (!dt)
      return fail("tensor '" + key + "' has unsupported dtype '" + dtype->text + "'");
    e.type = dt->type;
    uint64_t numel = 1;
    for (const auto& d : shape->items) {
      if (d.kind != Json::Number || d.number < 0 || d.number != double(int64_t(d.number)) || d.number > 1e12)
        return fail("tensor '" + key + "' has a bad shape");
      e.shape.push_back(int64_t(d.number));
      numel *= uint64_t(d.number);
      if (numel > (uint64_t(1) << 40))
        return fail("tensor '" + key + "' is absurdly large");
    }
    for (int i = 0; i < 2; ++i) {
      const auto& o = offsets->items[size_t(i)];
      if (o.kind != Json::Number || o.number < 0 || o.number != double(int64_t(o.number)))
        return fail("tensor '" + key + "' has bad data_offsets");
    }
    e.begin = uint64_t(offsets->items[0].number);
    e.end = uint64_t(offsets->items[1].number);
    if (e.begin > e.end || e.end > data_size)
      return fail("tensor '" + key + "' has data_offsets [" + std::to_string(e.begin) + ", " +
                  std::to_string(e.end) + "] outside the " + std::to_string(data_size) + " data bytes");
    const uint64_t need = numel * uint64_t(c10::elementSize(e.type));
    if (e.end - e.begin != need)
      return fail("tensor '" + key + "' has shape needing " + std::to_string(need) + " bytes but its range holds " +
                  std::to_string(e.end - e.begin));
    entries.push_back(std::move(e));
  }
  std::vector<const Entry*> sorted;
  for (const auto& e : entries)
    sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->begin < b->begin; });
  uint64_t expected = 0;
  for (const auto* e : sorted) {
    if (e->begin < expected)
      return fail("tensor '" + e->name + "' overlaps another tensor's bytes");
    if (e->begin > expected)
      return fail("unused bytes before tensor '" + e->name + "'");
    expected = e->end;
  }
  if (expected != data_size)
    return fail("the file has " + std::to_string(data_size - expected) + " bytes no tensor uses");

  std::vector<char> data(data_size);
  in.read(data.data(), std::streamsize(data_size));
  if (!in)
    return fail("cannot read the tensor data");
  for (const auto& e : entries) {
    auto t = at::empty(e.shape, at::TensorOptions(e.type));
    if (e.end > e.begin)
      std::memcpy(t.data_ptr(), data.data() + e.begin, e.end - e.begin);
    file.tensors.emplace_back(e.name, std::move(t));
  }
  return {std::move(file), {}};
}

}  // namespace genlab
