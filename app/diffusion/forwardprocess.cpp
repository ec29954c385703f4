// SPDX-License-Identifier: GPL-3.0-or-later
#include "forwardprocess.h"

#include "datalocations.h"

#include "diffusion/diffusion_schedule.h"
#include "data/mnist_dataset.h"
#include "data/toy2d.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/randn.h>
#include <c10/util/Exception.h>

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

std::vector<float> randn(int64_t a, int64_t b, int64_t c, quint64 seed) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  const auto t = at::randn(c > 0 ? std::vector<int64_t>{a, b, c} : std::vector<int64_t>{a, b}, gen,
                           at::TensorOptions(at::kFloat))
                     .contiguous();
  return std::vector<float>(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
}

uchar to8bit(double v, double low, double high) {
  return uchar(std::lround(std::clamp((v - low) / (high - low), 0.0, 1.0) * 255.0));
}

}  // namespace

ForwardProcess::ForwardProcess() { (void)setSchedule(QStringLiteral("linear"), 1000); }  // always valid

Status ForwardProcess::setSchedule(const QString& kind, int timesteps) {
  try {
    const auto s = genlab::make_diffusion_schedule(kind.toStdString(), timesteps);
    m_kind = kind;
    m_betas = s.betas;
    m_alphasCumprod = s.alphas_cumprod;
    return {};
  } catch (const c10::Error& e) {
    return {QString::fromStdString(e.what_without_backtrace())};
  }
}

void ForwardProcess::setImage(const QImage& image) {
  m_points.clear();
  const bool grey = image.isGrayscale();
  const QImage img = image.convertToFormat(grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  m_width = img.width();
  m_height = img.height();
  m_channels = grey ? 1 : 3;
  m_x0.assign(size_t(m_channels * m_width * m_height), 0.f);
  const size_t plane = size_t(m_width * m_height);
  for (int y = 0; y < m_height; ++y) {
    const uchar* row = img.constScanLine(y);
    for (int x = 0; x < m_width; ++x)
      for (int c = 0; c < m_channels; ++c)
        m_x0[size_t(c) * plane + size_t(y * m_width + x)] = float(row[x * m_channels + c]) / 255.f * 2.f - 1.f;
  }
  drawNoise();
}

void ForwardProcess::setPoints(const QVector<QPointF>& points) {
  m_x0.clear();
  m_width = m_height = m_channels = 0;
  m_points = points;
  drawNoise();
}

void ForwardProcess::setSeed(quint64 seed) {
  m_seed = seed;
  drawNoise();
}

void ForwardProcess::drawNoise() {
  if (!m_points.isEmpty())
    m_pointEps = randn(m_points.size(), 2, 0, m_seed);
  else if (m_channels > 0)
    m_eps = randn(m_channels, m_height, m_width, m_seed);
}

double ForwardProcess::alphaBar(int t) const {
  return t <= 0 ? 1.0 : m_alphasCumprod[size_t(std::min(t, timesteps()) - 1)];
}

double ForwardProcess::beta(int t) const { return t <= 0 ? 0.0 : m_betas[size_t(std::min(t, timesteps()) - 1)]; }

double ForwardProcess::snr(int t) const {
  const double a = alphaBar(t);
  return a >= 1.0 ? std::numeric_limits<double>::infinity() : a / (1.0 - a);
}

QImage ForwardProcess::imageAt(int t) const {
  if (m_channels == 0)
    return {};
  const float a = float(std::sqrt(alphaBar(t))), b = float(std::sqrt(1.0 - alphaBar(t)));
  QImage out(m_width, m_height, m_channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  const size_t plane = size_t(m_width * m_height);
  for (int y = 0; y < m_height; ++y) {
    uchar* row = out.scanLine(y);
    for (int x = 0; x < m_width; ++x)
      for (int c = 0; c < m_channels; ++c) {
        const size_t i = size_t(c) * plane + size_t(y * m_width + x);
        row[x * m_channels + c] = to8bit(a * m_x0[i] + b * m_eps[i], -1, 1);
      }
  }
  return out;
}

QImage ForwardProcess::noiseImage() const {
  if (m_channels == 0)
    return {};
  QImage out(m_width, m_height, m_channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  const size_t plane = size_t(m_width * m_height);
  for (int y = 0; y < m_height; ++y) {
    uchar* row = out.scanLine(y);
    for (int x = 0; x < m_width; ++x)
      for (int c = 0; c < m_channels; ++c)
        row[x * m_channels + c] = to8bit(m_eps[size_t(c) * plane + size_t(y * m_width + x)], -2, 2);
  }
  return out;
}

QVector<QPointF> ForwardProcess::pointsAt(int t) const {
  const double a = std::sqrt(alphaBar(t)), b = std::sqrt(1.0 - alphaBar(t));
  QVector<QPointF> out(m_points.size());
  for (int i = 0; i < out.size(); ++i)
    out[i] = QPointF(a * m_points[i].x() + b * m_pointEps[size_t(2 * i)],
                     a * m_points[i].y() + b * m_pointEps[size_t(2 * i + 1)]);
  return out;
}

Result<ForwardProcess::DatasetImage> ForwardProcess::datasetImage(const QString& dataset, int index) {
  // GUI thread only; never destroyed, so no tensor outlives LibTorch's own statics at exit.
  static auto& cache = *new QHash<QString, genlab::LabelledImages>;
  auto it = cache.find(dataset);
  if (it == cache.end()) {
    const QString folder = DataLocations::folderFor(dataset);
    auto read = genlab::load_mnist_split(folder.toStdString(), "t10k");
    if (!read.ok())
      return {{}, QString::fromStdString(read.error)};
    it = cache.insert(dataset, read.value);
  }
  const auto& d = it.value();
  if (index < 0 || index >= d.size())
    return {{}, QCoreApplication::translate("ForwardProcess", "There are %1 test images; %2 is not one of them.")
                    .arg(d.size())
                    .arg(index)};
  const auto pixels = d.images[index].contiguous();
  QImage image(int(d.width), int(d.height), QImage::Format_Grayscale8);
  const float* p = pixels.data_ptr<float>();
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      image.scanLine(y)[x] = uchar(std::lround(std::clamp(p[y * image.width() + x], 0.f, 1.f) * 255.f));
  const QString description = QCoreApplication::translate("ForwardProcess", "test image %1 of %2, labelled %3")
                                  .arg(index)
                                  .arg(d.size())
                                  .arg(d.labels[index].item<int64_t>());
  return {{image, description}, {}};
}

QVector<QPointF> ForwardProcess::toyPoints(const QString& dataset, int n) {
  const DataSet* set = DataSets::find(dataset);
  if (!set || set->source != DataSource::Generated)
    return {};
  const auto p = genlab::make_toy2d(set->generator, n, 2).to(at::kFloat).contiguous();
  QVector<QPointF> out(int(p.size(0)));
  const float* d = p.data_ptr<float>();
  for (int i = 0; i < out.size(); ++i)
    out[i] = QPointF(d[2 * i], d[2 * i + 1]);
  return out;
}
