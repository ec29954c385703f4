// SPDX-License-Identifier: GPL-3.0-or-later
#include "decodersnapshot.h"

#include "plotdecoder.h"

#include <QPainter>
#include <cmath>
#include <exception>
#include <random>

DecoderSnapshot::DecoderSnapshot(genlab::MlpDecoderWeights weights, qint64 step)
    : m_decoder(genlab::make_mlp_decoder(std::move(weights))), m_step(step) {}

DecoderSnapshot::DecoderSnapshot(std::shared_ptr<const genlab::ImageDecoder> decoder, qint64 step)
    : m_decoder(std::move(decoder)), m_step(step) {}

int DecoderSnapshot::latentDim() const { return m_decoder ? int(m_decoder->latent_dim()) : 0; }

void DecoderSnapshot::setLatentRange(std::vector<float> mean, std::vector<float> std) {
  if (int(mean.size()) != latentDim() || int(std.size()) != latentDim())
    return;
  for (size_t i = 0; i < std.size(); ++i)  // from run.json: a zero or broken spread is not used
    if (!std::isfinite(mean[i]) || !std::isfinite(std[i]) || std[i] <= 0.f)
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

std::vector<float> DecoderSnapshot::sigmasOf(const std::vector<float>& z) const {
  std::vector<float> sigmas = z;
  if (m_mean.size() == z.size())
    for (size_t i = 0; i < z.size(); ++i)
      sigmas[i] = (z[i] - m_mean[i]) / m_std[i];
  return sigmas;
}

void DecoderSnapshot::setEncoder(std::shared_ptr<const genlab::ImageEncoder> encoder) {
  if (!encoder || encoder->latent_dim() == latentDim())
    m_encoder = std::move(encoder);
}

int DecoderSnapshot::itemSize() const { return m_encoder ? int(m_encoder->item_size()) : 0; }

genlab::LatentCodes DecoderSnapshot::encode(const std::vector<float>& items, int count, const std::vector<int>& labels) const {
  if (!m_encoder || count < 1 || items.size() != size_t(count) * size_t(m_encoder->item_size()))
    return {};
  if (m_encoder->classes() == 0)
    return m_encoder->encode(items.data(), count);  // catches what LibTorch throws
  std::vector<int64_t> y(static_cast<size_t>(count), static_cast<int64_t>(m_class));
  if (labels.size() == size_t(count))
    y.assign(labels.begin(), labels.end());
  return m_encoder->encode(items.data(), count, y.data());
}

int DecoderSnapshot::classes() const { return m_decoder ? int(m_decoder->classes()) : 0; }

DecoderSnapshot DecoderSnapshot::withClass(int label) const {
  DecoderSnapshot out(*this);
  out.m_class = label >= 0 && label < classes() ? label : 0;
  return out;
}

std::vector<float> DecoderSnapshot::decodePixels(const std::vector<float>& z, int label) const {
  if (!m_decoder || int(z.size()) != latentDim())
    return {};
  try {  // called from the GUI thread and the grid's pool thread: nothing may escape
    return m_decoder->decode(z, label < 0 ? m_class : label);
  } catch (const std::exception&) {  // c10::Error too
    return {};
  }
}


QImage DecoderSnapshot::decode(const std::vector<float>& z, int label) const {
  return m_decoder ? imageFromPixels(decodePixels(z, label), int(m_decoder->side()), int(m_decoder->channels())) : QImage();
}

QImage DecoderSnapshot::everyClass(const std::vector<float>& z) const {
  const int n = classes();
  if (n == 0)
    return {};
  const int side = this->side(), channels = this->channels();
  QImage strip(n * (side + 1) + 1, side + 2, channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  strip.fill(QColor(40, 40, 40));
  QPainter painter(&strip);
  for (int c = 0; c < n; ++c)
    painter.drawImage(1 + c * (side + 1), 1, imageFromPixels(decodePixels(z, c), side, channels));
  return strip;
}

int DecoderSnapshot::side() const { return m_decoder ? int(m_decoder->side()) : 0; }

int DecoderSnapshot::channels() const { return m_decoder ? int(m_decoder->channels()) : 0; }

bool DecoderSnapshot::drawsPoints() const {
  return dynamic_cast<const PlotDecoder*>(m_decoder.get()) != nullptr;
}

std::vector<float> DecoderSnapshot::samplePixels(int count, quint64 seed, int label) const {
  std::vector<float> out;
  if (!m_decoder || count < 1 || drawsPoints())
    return out;
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> normal;
  std::vector<float> sigmas(static_cast<size_t>(latentDim()));
  // Every class in turn: each run of `classes` samples shares one code, so that a row of the grid
  // holds one class and a column one style drawn as every class.
  const int classes = label < 0 ? this->classes() : 0;
  for (int i = 0; i < count; ++i) {
    if (classes == 0 || i % classes == 0)
      for (float& v : sigmas)
        v = normal(rng);
    const std::vector<float> image = decodePixels(codeAt(sigmas), classes > 0 ? i % classes : label);
    if (image.empty())
      return {};
    out.insert(out.end(), image.begin(), image.end());
  }
  return out;
}

QImage DecoderSnapshot::sampleGrid(int count, quint64 seed, int label) const {
  if (!m_decoder || count < 1)
    return {};
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> normal;
  std::vector<float> sigmas(static_cast<size_t>(latentDim()));
  if (const auto* points = dynamic_cast<const PlotDecoder*>(m_decoder.get())) {
    // A point model's samples are one scatter plot: 32 points for every grid cell asked for.
    std::vector<float> codes;
    for (int i = 0; i < 32 * count; ++i) {
      for (float& v : sigmas)
        v = normal(rng);
      const auto z = codeAt(sigmas);
      codes.insert(codes.end(), z.begin(), z.end());
    }
    return imageFromPixels(points->plot(codes), int(m_decoder->side()), 3);
  }
  const int side = int(m_decoder->side()), channels = int(m_decoder->channels());
  // Every class in turn: one row per class (sample i is of class i mod classes).
  const int byRow = label < 0 ? std::min(classes(), count) : 0;
  const int cols = byRow > 0 ? (count + byRow - 1) / byRow : int(std::ceil(std::sqrt(double(count))));
  const int rows = byRow > 0 ? byRow : (count + cols - 1) / cols;
  QImage grid(cols * (side + 1) + 1, rows * (side + 1) + 1, channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  grid.fill(QColor(40, 40, 40));
  QPainter painter(&grid);
  const std::vector<float> pixels = samplePixels(count, seed, label);
  const size_t per = size_t(side * side * channels);
  for (int i = 0; i < count && pixels.size() >= size_t(i + 1) * per; ++i) {
    const float* first = pixels.data() + size_t(i) * per;
    const int col = byRow > 0 ? i / byRow : i % cols, row = byRow > 0 ? i % byRow : i / cols;
    painter.drawImage(1 + col * (side + 1), 1 + row * (side + 1),
                      imageFromPixels(std::vector<float>(first, first + per), side, channels));
  }
  return grid;
}
