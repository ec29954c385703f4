// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/trainer_state.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/isfinite.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace genlab {
namespace {

// The byte layout LibTorch 1.13 – 2.x uses for a CPU generator state (CPUGeneratorImplState in
// aten/src/ATen/CPUGeneratorImpl.cpp): the legacy TH struct, then the float normal cache.
constexpr size_t kMtWords = 624;
constexpr size_t kSeededAt = 12, kLeftAt = 8, kNextAt = 16, kNormalAt = 24 + 8 * kMtWords;  // x, y, rho
constexpr size_t kNormalValidAt = kNormalAt + 24, kLegacySize = kNormalValidAt + 8;
constexpr size_t kFloatSampleAt = kLegacySize;

template <typename T>
T field(const uint8_t* bytes, size_t at) {
  T v;
  std::memcpy(&v, bytes + at, sizeof v);
  return v;
}

size_t current_state_size() {
  static const size_t size = size_t(at::make_generator<at::CPUGeneratorImpl>(1).get_state().numel());
  return size;
}

}  // namespace

Status check_generator_state(const at::Tensor& state) {
  if (!state.defined())
    return {"the random-generator state is missing"};
  if (state.scalar_type() != at::kByte || state.dim() != 1 || size_t(state.numel()) != current_state_size() ||
      current_state_size() < kFloatSampleAt + 5)
    return {"the random-generator state has the wrong size or type (" + std::to_string(state.numel()) +
            " bytes, " + std::to_string(current_state_size()) + " expected)"};
  const auto contiguous = state.contiguous();
  const auto* b = contiguous.data_ptr<uint8_t>();
  const int32_t seeded = field<int32_t>(b, kSeededAt), left = field<int32_t>(b, kLeftAt);
  const uint64_t next = field<uint64_t>(b, kNextAt);
  if (seeded != 1)
    return {"the random-generator state is not seeded"};
  // The generator reads word `next`, then next+1, … while it counts `left` down to 1, then refills.
  if (left < 1 || uint64_t(left) > kMtWords || next > kMtWords || next + uint64_t(left) > kMtWords + 1)
    return {"the random-generator state is inconsistent (position " + std::to_string(next) + ", " +
            std::to_string(left) + " words left of " + std::to_string(kMtWords) + ")"};
  // The cached normal samples count only when their flag is set (otherwise the bytes are arbitrary).
  if (field<int32_t>(b, kNormalValidAt) != 0)
    for (int k = 0; k < 3; ++k)
      if (!std::isfinite(field<double>(b, kNormalAt + 8 * size_t(k))))
        return {"the random-generator state holds a non-finite cached normal sample"};
  if (b[kFloatSampleAt + 4] != 0 && !std::isfinite(field<float>(b, kFloatSampleAt)))
    return {"the random-generator state holds a non-finite cached normal sample"};
  return {};
}

Status check_data_order(const at::Tensor& order, int64_t count) {
  if (order.scalar_type() != at::kLong || order.dim() != 1)
    return {"the saved data order is not a list of int64 indices"};
  if (order.numel() != count)
    return {"the saved data order is for " + std::to_string(order.numel()) + " examples, the data has " +
            std::to_string(count)};
  const auto contiguous = order.contiguous();
  const int64_t* p = contiguous.data_ptr<int64_t>();
  std::vector<bool> seen(size_t(count), false);
  for (int64_t i = 0; i < count; ++i) {
    if (p[i] < 0 || p[i] >= count)
      return {"the saved data order holds index " + std::to_string(p[i]) + ", outside 0.." + std::to_string(count - 1)};
    if (seen[size_t(p[i])])
      return {"the saved data order holds index " + std::to_string(p[i]) + " twice (not a permutation)"};
    seen[size_t(p[i])] = true;
  }
  return {};
}

Status check_finite(const at::Tensor& t, const std::string& name, bool non_negative) {
  if (!t.defined() || !t.is_floating_point() || t.numel() == 0)
    return {};
  if (!at::isfinite(t).all().item<bool>())
    return {"'" + name + "' holds NaN or infinite values"};
  if (non_negative && t.lt(0).any().item<bool>())
    return {"'" + name + "' holds negative values (it must not)"};
  return {};
}

}  // namespace genlab
