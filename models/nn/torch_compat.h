// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one place where GenLab's models meet the differences between LibTorch versions: Debian's
// 1.13 and current 2.x (scripts/build-models.sh builds models/ alone against any Torch_DIR).
//  - autocast: 2.4 replaced the per-device functions (is_cpu_enabled, get_autocast_gpu_dtype …)
//    by ones taking the device type, and deprecated the old ones;
//  - c10::variant became std::variant in 2.1, and c10::get_if went with it;
//  - c10d's process groups derive from Backend in 2.x, from ProcessGroup in 1.13.

#include <ATen/autocast_mode.h>
#include <c10/core/DeviceType.h>
#include <c10/core/ScalarType.h>
#include <torch/version.h>

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
#include <variant>
#define GENLAB_TORCH_STD_VARIANT 1
#else
#include <c10/util/variant.h>
#define GENLAB_TORCH_STD_VARIANT 0
#endif

#define GENLAB_TORCH_AUTOCAST_BY_DEVICE (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4))

namespace genlab::compat {

/// Whether autocast is on for `device` (CPU or CUDA) on this thread.
inline bool autocast_enabled(c10::DeviceType device) {
#if GENLAB_TORCH_AUTOCAST_BY_DEVICE
  return at::autocast::is_autocast_enabled(device);
#else
  return device == c10::DeviceType::CPU ? at::autocast::is_cpu_enabled() : at::autocast::is_enabled();
#endif
}

inline void set_autocast_enabled(c10::DeviceType device, bool on) {
#if GENLAB_TORCH_AUTOCAST_BY_DEVICE
  at::autocast::set_autocast_enabled(device, on);
#else
  if (device == c10::DeviceType::CPU)
    at::autocast::set_cpu_enabled(on);
  else
    at::autocast::set_enabled(on);
#endif
}

/// The type autocast computes in on `device`.
inline at::ScalarType autocast_dtype(c10::DeviceType device) {
#if GENLAB_TORCH_AUTOCAST_BY_DEVICE
  return at::autocast::get_autocast_dtype(device);
#else
  return device == c10::DeviceType::CPU ? at::autocast::get_autocast_cpu_dtype() : at::autocast::get_autocast_gpu_dtype();
#endif
}

inline void set_autocast_dtype(c10::DeviceType device, at::ScalarType type) {
#if GENLAB_TORCH_AUTOCAST_BY_DEVICE
  at::autocast::set_autocast_dtype(device, type);
#else
  if (device == c10::DeviceType::CPU)
    at::autocast::set_autocast_cpu_dtype(type);
  else
    at::autocast::set_autocast_gpu_dtype(type);
#endif
}

/// The alternative of a module option's variant (padding: a size or a mode), or null.
template <typename T, typename Variant>
auto get_if(Variant* v) {
#if GENLAB_TORCH_STD_VARIANT
  return std::get_if<T>(v);
#else
  return c10::get_if<T>(v);
#endif
}

}  // namespace genlab::compat

// c10d: ProcessGroupGloo and ProcessGroupNCCL derive from ProcessGroup in 1.13 and from Backend in
// 2.x (declared here; the file that uses them includes c10d's headers).
namespace c10d {
class ProcessGroup;
class Backend;
}  // namespace c10d
namespace genlab::compat {
#if TORCH_VERSION_MAJOR >= 2
using CollectiveBackend = c10d::Backend;
#else
using CollectiveBackend = c10d::ProcessGroup;
#endif
}  // namespace genlab::compat
