// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/module_encoder.h"

#include <ATen/ops/from_blob.h>
#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <exception>

namespace genlab {
namespace {

class ModuleEncoder final : public ImageEncoder {
 public:
  ModuleEncoder(ClassEncodeFunction encode, std::vector<int64_t> item_shape, int64_t latent_dim, int64_t classes)
      : encode_(std::move(encode)), item_shape_(std::move(item_shape)), latent_dim_(latent_dim), classes_(classes) {
    item_size_ = 1;
    for (const int64_t s : item_shape_)
      item_size_ *= s;
  }
  int64_t latent_dim() const override { return latent_dim_; }
  int64_t item_size() const override { return item_size_; }
  int64_t classes() const override { return classes_; }

  LatentCodes encode(const float* items, int64_t count, const int64_t* labels) const override {
    LatentCodes out;
    if (items == nullptr || count <= 0 || (classes_ > 0 && labels == nullptr))
      return out;
    if (classes_ > 0)
      for (int64_t i = 0; i < count; ++i)
        if (labels[i] < 0 || labels[i] >= classes_)
          return out;
    try {
      c10::InferenceMode guard;
      out.dim = latent_dim_;
      constexpr int64_t kBatch = 256;
      for (int64_t first = 0; first < count; first += kBatch) {
        const int64_t n = std::min(kBatch, count - first);
        std::vector<int64_t> shape{n};
        shape.insert(shape.end(), item_shape_.begin(), item_shape_.end());
        const auto in = at::from_blob(const_cast<float*>(items + first * item_size_), shape, at::kFloat);
        const auto y = classes_ > 0 ? at::from_blob(const_cast<int64_t*>(labels + first), {n}, at::kLong) : at::Tensor();
        const auto [mean, logvar] = encode_(in, y);
        TORCH_CHECK(mean.dim() == 2 && mean.size(0) == n && mean.size(1) == latent_dim_, "encoder gave ", mean.sizes());
        const auto m = mean.to(at::kFloat).contiguous();
        out.mean.insert(out.mean.end(), m.data_ptr<float>(), m.data_ptr<float>() + m.numel());
        if (logvar.defined()) {
          const auto l = logvar.to(at::kFloat).contiguous();
          out.logvar.insert(out.logvar.end(), l.data_ptr<float>(), l.data_ptr<float>() + l.numel());
        }
      }
      out.count = count;
      return out;
    } catch (const std::exception&) {  // c10::Error too: callers get nothing rather than a throw
      return {};
    }
  }

 private:
  ClassEncodeFunction encode_;
  std::vector<int64_t> item_shape_;
  int64_t latent_dim_, classes_, item_size_ = 0;
};

}  // namespace

std::shared_ptr<const ImageEncoder> make_module_encoder(EncodeFunction encode, std::vector<int64_t> item_shape,
                                                        int64_t latent_dim) {
  return std::make_shared<const ModuleEncoder>(
      [encode = std::move(encode)](const at::Tensor& items, const at::Tensor&) { return encode(items); },
      std::move(item_shape), latent_dim, 0);
}

std::shared_ptr<const ImageEncoder> make_module_encoder(ClassEncodeFunction encode, std::vector<int64_t> item_shape,
                                                        int64_t latent_dim, int64_t classes) {
  return std::make_shared<const ModuleEncoder>(std::move(encode), std::move(item_shape), latent_dim, classes);
}

}  // namespace genlab
