// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/strict_json.h"

#include <charconv>
#include <unordered_set>

namespace genlab {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

// Length of the UTF-8 sequence starting at s[i] (1..4), or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points beyond U+10FFFF are invalid).
size_t utf8_length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return n;
}

class Parser {
 public:
  Parser(std::string_view s, int max_depth) : s_(s), max_depth_(max_depth) {}

  Result<JsonValue> run() {
    JsonValue v;
    if (!value(v, 0))
      return {{}, error_};
    skip();
    if (pos_ != s_.size())
      return {{}, "unexpected text after the value at byte " + std::to_string(pos_)};
    return {std::move(v), {}};
  }

 private:
  bool fail(const std::string& what) {
    if (error_.empty())
      error_ = what + " at byte " + std::to_string(pos_);
    return false;
  }
  bool at_end() const { return pos_ >= s_.size(); }
  void skip() {
    while (!at_end() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t'))
      ++pos_;
  }

  bool hex4(uint32_t* out) {
    if (pos_ + 4 > s_.size())
      return fail("incomplete \\u escape");
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex_value(s_[pos_ + size_t(k)]);
      if (h < 0)
        return fail("bad \\u escape");
      v = (v << 4) | uint32_t(h);
    }
    pos_ += 4;
    *out = v;
    return true;
  }

  bool string(std::string& out) {
    if (at_end() || s_[pos_] != '"')
      return fail("expected a string");
    ++pos_;
    while (true) {
      if (at_end())
        return fail("unterminated string");
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return fail("control character in a string");
      if (c != '\\') {
        const size_t n = utf8_length(s_, pos_);
        if (n == 0)
          return fail("invalid UTF-8");
        out.append(s_.substr(pos_, n));
        pos_ += n;
        continue;
      }
      ++pos_;
      if (at_end())
        return fail("unterminated escape");
      const char e = s_[pos_++];
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          uint32_t cp = 0;
          if (!hex4(&cp))
            return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF)
            return fail("lone low surrogate in \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (pos_ + 2 > s_.size() || s_[pos_] != '\\' || s_[pos_ + 1] != 'u')
              return fail("lone high surrogate in \\u escape");
            pos_ += 2;
            if (!hex4(&low))
              return false;
            if (low < 0xDC00 || low > 0xDFFF)
              return fail("bad surrogate pair");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: return fail(std::string("unknown escape \\") + e);
      }
    }
  }

  bool number(JsonValue& out) {
    const size_t begin = pos_;
    if (!at_end() && s_[pos_] == '-')
      ++pos_;
    if (at_end() || !is_digit(s_[pos_]))
      return fail("unexpected character");
    if (s_[pos_] == '0') {
      ++pos_;
      if (!at_end() && is_digit(s_[pos_]))
        return fail("number with a leading zero");
    } else {
      while (!at_end() && is_digit(s_[pos_]))
        ++pos_;
    }
    if (!at_end() && s_[pos_] == '.') {
      ++pos_;
      if (at_end() || !is_digit(s_[pos_]))
        return fail("digits expected after '.'");
      while (!at_end() && is_digit(s_[pos_]))
        ++pos_;
    }
    if (!at_end() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (!at_end() && (s_[pos_] == '+' || s_[pos_] == '-'))
        ++pos_;
      if (at_end() || !is_digit(s_[pos_]))
        return fail("digits expected in the exponent");
      while (!at_end() && is_digit(s_[pos_]))
        ++pos_;
    }
    out.kind = JsonValue::Number;
    out.text = std::string(s_.substr(begin, pos_ - begin));
    return true;
  }

  bool literal(const char* word, JsonValue& out, JsonValue::Kind kind, bool b) {
    const std::string_view w(word);
    if (s_.substr(pos_, w.size()) != w)
      return fail("unexpected character");
    pos_ += w.size();
    out.kind = kind;
    out.boolean = b;
    return true;
  }

  bool value(JsonValue& out, int depth) {
    if (depth > max_depth_)
      return fail("nesting deeper than " + std::to_string(max_depth_));
    skip();
    if (at_end())
      return fail("unexpected end");
    const char c = s_[pos_];
    if (c == '{')
      return object(out, depth);
    if (c == '[')
      return array(out, depth);
    if (c == '"') {
      out.kind = JsonValue::String;
      return string(out.text);
    }
    if (c == 't') return literal("true", out, JsonValue::Bool, true);
    if (c == 'f') return literal("false", out, JsonValue::Bool, false);
    if (c == 'n') return literal("null", out, JsonValue::Null, false);
    return number(out);
  }

  bool object(JsonValue& out, int depth) {
    out.kind = JsonValue::Object;
    ++pos_;
    skip();
    if (!at_end() && s_[pos_] == '}')
      return ++pos_, true;
    std::unordered_set<std::string> keys;
    while (true) {
      skip();
      std::pair<std::string, JsonValue> m;
      const size_t key_at = pos_;
      if (!string(m.first))
        return false;
      if (!keys.insert(m.first).second) {
        pos_ = key_at;
        return fail("key \"" + m.first + "\" appears twice");
      }
      skip();
      if (at_end() || s_[pos_] != ':')
        return fail("expected ':'");
      ++pos_;
      if (!value(m.second, depth + 1))
        return false;
      out.members.push_back(std::move(m));
      if (const Next next = after_element('}'); next != Next::More)
        return next == Next::Closed;
    }
  }

  bool array(JsonValue& out, int depth) {
    out.kind = JsonValue::Array;
    ++pos_;
    skip();
    if (!at_end() && s_[pos_] == ']')
      return ++pos_, true;
    while (true) {
      JsonValue item;
      if (!value(item, depth + 1))
        return false;
      out.items.push_back(std::move(item));
      if (const Next next = after_element(']'); next != Next::More)
        return next == Next::Closed;
    }
  }

  // After an element of an object or array: ',' (another follows) or the closing bracket.
  enum class Next { More, Closed, Error };
  Next after_element(char close) {
    skip();
    if (!at_end() && s_[pos_] == ',') {
      ++pos_;
      return Next::More;
    }
    if (!at_end() && s_[pos_] == close) {
      ++pos_;
      return Next::Closed;
    }
    fail(std::string("expected ',' or '") + close + "'");
    return Next::Error;
  }

  std::string_view s_;
  int max_depth_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

bool JsonValue::as_uint64(uint64_t* out) const {
  if (kind != Number || text.empty())
    return false;
  for (char c : text)
    if (!is_digit(c))
      return false;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), *out);
  return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

Result<JsonValue> parse_json(std::string_view text, int max_depth) { return Parser(text, max_depth).run(); }

}  // namespace genlab
