// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A JSON reader that accepts exactly RFC 8259 (what a safetensors header must be): UTF-8 text,
// numbers in JSON's own grammar (no "NaN", "inf", hex, leading '+' or zeros), escapes decoded,
// control characters refused, duplicate keys refused, nesting bounded; linear in the input.

#include "io/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace genlab {

struct JsonValue {
  enum Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Null;
  bool boolean = false;
  std::string text;  ///< a String decoded; a Number as written
  std::vector<JsonValue> items;
  std::vector<std::pair<std::string, JsonValue>> members;  ///< keys unique, in file order

  /// True for a Number written as a plain non-negative integer (digits only) that fits in 64 bits.
  bool as_uint64(uint64_t* out) const;
};

/// Parses `text` (one value, whitespace around it allowed); the error says what and at which byte.
Result<JsonValue> parse_json(std::string_view text, int max_depth = 16);

}  // namespace genlab
