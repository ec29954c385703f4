// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/mlp_decoder.h"

#include "nn/image_decoder.h"

#include <cmath>

namespace genlab {

void MlpDecoderWeights::decode(const float* z, float* out) const {
  const int64_t H = hidden_dim, O = output_dim, D = latent_dim;
  for (int64_t j = 0; j < O; ++j)
    out[j] = b2[size_t(j)];
  for (int64_t k = 0; k < H; ++k) {
    float h = b1[size_t(k)];
    for (int64_t i = 0; i < D; ++i)
      h += w1[size_t(k * D + i)] * z[i];
    if (h <= 0.f)
      continue;
    // Contiguous axpy over the output: vectorises without reordering any sum.
    const float* row = w2t.data() + k * O;
    for (int64_t j = 0; j < O; ++j)
      out[j] += h * row[j];
  }
  for (int64_t j = 0; j < O; ++j)
    out[j] = 1.f / (1.f + std::exp(-out[j]));
}

std::vector<float> MlpDecoderWeights::decode(const std::vector<float>& z) const {
  std::vector<float> out(static_cast<size_t>(output_dim));
  decode(z.data(), out.data());
  return out;
}

namespace {

class MlpDecoder final : public ImageDecoder {
 public:
  explicit MlpDecoder(MlpDecoderWeights w) : w_(std::move(w)), side_(int64_t(std::lround(std::sqrt(double(w_.output_dim))))) {}
  int64_t latent_dim() const override { return w_.latent_dim - w_.classes; }
  int64_t classes() const override { return w_.classes; }
  int64_t channels() const override { return side_ * side_ == w_.output_dim ? 1 : 3; }
  int64_t side() const override { return channels() == 1 ? side_ : int64_t(std::lround(std::sqrt(double(w_.output_dim) / 3))); }
  std::vector<float> decode(const std::vector<float>& z) const override { return decode(z, 0); }
  std::vector<float> decode(const std::vector<float>& z, int64_t label) const override {
    if (int64_t(z.size()) != latent_dim() || (w_.classes > 0 && (label < 0 || label >= w_.classes)))
      return {};
    if (w_.classes == 0)
      return w_.decode(z);
    std::vector<float> code(z);
    code.resize(size_t(w_.latent_dim), 0.f);
    code[z.size() + size_t(label)] = 1.f;
    return w_.decode(code);
  }

 private:
  MlpDecoderWeights w_;
  int64_t side_;
};

}  // namespace

std::shared_ptr<const ImageDecoder> make_mlp_decoder(MlpDecoderWeights weights) {
  return std::make_shared<MlpDecoder>(std::move(weights));
}

}  // namespace genlab
