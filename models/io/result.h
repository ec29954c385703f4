// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace genlab {

/// A value, or a message that names the file or value and what was wrong. The same template carries
/// std::string messages in models/ and QString messages in app/. [[nodiscard]]: a caller that drops
/// one drops an error (cast to void, with a comment, where that is meant).
template <typename T, typename Message = std::string>
struct [[nodiscard]] Result {
  T value{};
  Message error;  ///< empty on success
  bool ok() const { return error.size() == 0; }
};

/// The result of an action that produces nothing (loading weights into an existing module).
template <typename Message>
struct [[nodiscard]] Result<void, Message> {
  Message error;  ///< empty on success
  bool ok() const { return error.size() == 0; }
};

/// The outcome of an action without a value: ok(), or the message.
using Status = Result<void>;

}  // namespace genlab
