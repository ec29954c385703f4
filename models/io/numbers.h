// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers in files are read and written the same in every locale. The C library's strtod and
// printf follow LC_NUMERIC, which a Qt application sets from the environment: under de_DE.UTF-8
// strtod("0,784") reads 0.784 and printf writes "0,001". std::from_chars / std::to_chars never look
// at the locale.

#include <charconv>
#include <string>
#include <system_error>

namespace genlab {

/// Reads a number (JSON/C syntax: optional '-', digits, fraction, exponent) at [begin, end);
/// returns the first character after it, or `begin` when there is none or it is out of range.
inline const char* parse_double(const char* begin, const char* end, double* out) {
  const auto r = std::from_chars(begin, end, *out);
  return r.ec == std::errc() ? r.ptr : begin;
}

/// `value` as printf's "%.17g" writes it in the C locale (round-trips exactly).
inline std::string format_double(double value) {
  char buf[40];
  const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 17);
  return std::string(buf, r.ptr);
}

/// A loss that is not a number, in the words an error message uses: "NaN", "+infinity", "-infinity".
inline std::string non_finite_name(double value) {
  return value != value ? "NaN" : value > 0 ? "+infinity" : "-infinity";
}

/// A loss in an error message: the number when it is finite, else non_finite_name.
inline std::string loss_text(double value) {
  return value - value == 0 ? format_double(value) : non_finite_name(value);
}

}  // namespace genlab
