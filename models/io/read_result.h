// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace genlab {

/// The result of reading a file: a value, or an error that names the file and the problem.
template <typename T>
struct ReadResult {
  T value{};
  std::string error;  ///< empty on success
  bool ok() const { return error.empty(); }
};

}  // namespace genlab
