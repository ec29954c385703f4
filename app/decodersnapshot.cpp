// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodersnapshot.h"

#include <QPainter>
#include <cmath>
#include <random>

DecoderSnapshot::DecoderSnapshot(genlab::MlpDecoderWeights weights, qint64 step)
    : m_weights(std::make_shared<const genlab::MlpDecoderWeights>(std::move(weights))), m_step(step) {}

void DecoderSnapshot::setLatentRange(std::vector<float> mean, std::vector<float> std) {
  if (int(mean.size()) != latentDim() || int(std.size()) != latentDim())
    return;
  m_mean = std::move(mean);
  m_std = std::move(std);
}

std::vector<float> DecoderSnapshot::codeAt(const std::vector<float>& sigmas) const {
  std::vector<float> z = sigmas;
  if (m_mean.size() == z.size())
    for (size_t i = 0; i < z.size(); ++i)
      z[i] = m_mean[i] + m_std[i] * sigmas[i];
  return z;
}

int DecoderSnapshot::latentDim() const { return m_weights ? int(m_weights->latent_dim) : 0; }

std::vector<float> DecoderSnapshot::decodePixels(const std::vector<float>& z) const {
  if (!m_weights || int(z.size()) != latentDim())
    return {};
  return m_weights->decode(z);
}

QImage DecoderSnapshot::decode(const std::vector<float>& z) const {
  if (!m_weights || int(z.size()) != latentDim())
    return {};
  const int side = int(std::lround(std::sqrt(double(m_weights->output_dim))));
  if (side * side != m_weights->output_dim)
    return {};
  float pixels[4096];
  std::vector<float> big;
  float* out = pixels;
  if (m_weights->output_dim > 4096) {
    big.resize(size_t(m_weights->output_dim));
    out = big.data();
  }
  m_weights->decode(z.data(), out);
  QImage image(side, side, QImage::Format_Grayscale8);
  for (int y = 0; y < side; ++y) {
    uchar* line = image.scanLine(y);
    for (int x = 0; x < side; ++x)
      line[x] = uchar(std::lround(std::clamp(out[y * side + x], 0.f, 1.f) * 255.f));
  }
  return image;
}

QImage DecoderSnapshot::sampleGrid(int count, quint64 seed) const {
  if (!m_weights || count < 1)
    return {};
  const int side = int(std::lround(std::sqrt(double(m_weights->output_dim))));
  const int cols = int(std::ceil(std::sqrt(double(count))));
  const int rows = (count + cols - 1) / cols;
  QImage grid(cols * (side + 1) + 1, rows * (side + 1) + 1, QImage::Format_Grayscale8);
  grid.fill(40);
  QPainter painter(&grid);
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> normal;
  std::vector<float> sigmas(static_cast<size_t>(latentDim()));
  for (int i = 0; i < count; ++i) {
    for (float& v : sigmas)
      v = normal(rng);
    painter.drawImage(1 + (i % cols) * (side + 1), 1 + (i / cols) * (side + 1), decode(codeAt(sigmas)));
  }
  return grid;
}
