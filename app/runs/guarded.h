// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to genlab_core's .cpp files (it sees c10::Error).

#include "modelfamily.h"

#include <c10/util/Exception.h>

#include <exception>

/// Runs `body`, turning what LibTorch or the standard library throws into the result's message:
/// the boundary of every command that reads runs (info, eval, sample, quality).
template <typename T, typename F>
Result<T> guarded(F&& body) {
  try {
    return body();
  } catch (const c10::Error& e) {
    return {T{}, QString::fromStdString(e.what_without_backtrace())};
  } catch (const std::exception& e) {
    return {T{}, QString::fromUtf8(e.what())};
  }
}
