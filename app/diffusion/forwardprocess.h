// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelfamily.h"

#include <QImage>
#include <QPointF>
#include <QString>
#include <QVector>
#include <vector>

/// The forward (noising) process on one image or one point cloud, for the Diffusion page's
/// slider: x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε with a fixed ε. t runs from 0 (x0 itself) to T; at t ≥ 1,
/// ᾱ_t is the schedule's alphas_cumprod[t − 1] (t noising steps done). Images are read into
/// [−1, 1] per channel (grey or RGB); ε is torch.randn of the image's (C, H, W) — or the points'
/// (N, 2) — from a generator seeded with `seed`, so Python reproduces it with torch.manual_seed.
class ForwardProcess {
 public:
  ForwardProcess();
  /// ok, or what is wrong (unknown kind, T outside the schedule's range): the schedule stays as it was.
  Status setSchedule(const QString& kind, int timesteps);
  void setImage(const QImage& image);
  void setPoints(const QVector<QPointF>& points);
  void setSeed(quint64 seed);
  quint64 seed() const { return m_seed; }
  bool hasPoints() const { return !m_points.isEmpty(); }

  int timesteps() const { return int(m_betas.size()); }
  QString scheduleKind() const { return m_kind; }
  /// ᾱ at slider position t (1 at t = 0), β_t (0 at t = 0), SNR = ᾱ/(1 − ᾱ) (∞ at t = 0).
  double alphaBar(int t) const;
  double beta(int t) const;
  double snr(int t) const;
  const std::vector<double>& betas() const { return m_betas; }
  const std::vector<double>& alphasCumprod() const { return m_alphasCumprod; }

  /// x_t as an 8-bit image (−1 → 0, 1 → 255, clamped), the size and format of the input.
  QImage imageAt(int t) const;
  /// ε shown from −2 (black) to 2 (white).
  QImage noiseImage() const;
  QVector<QPointF> pointsAt(int t) const;
  const QVector<QPointF>& points() const { return m_points; }

  /// One image of a dataset's test split and what it is.
  struct DatasetImage {
    QImage image;         ///< grey
    QString description;  ///< names it ("test image 7 of 10000, labelled 3")
  };
  /// Image `index` of a dataset's test split ("mnist", "fashion-mnist"); on failure the error says
  /// why (and the image is null).
  static Result<DatasetImage> datasetImage(const QString& dataset, int index);
  /// `n` points of a toy set ("s-curve", …) as the toy models train on them (seed 2).
  static QVector<QPointF> toyPoints(const QString& dataset, int n);

 private:
  void drawNoise();
  QString m_kind;
  std::vector<double> m_betas, m_alphasCumprod;
  quint64 m_seed = 1;
  int m_width = 0, m_height = 0, m_channels = 0;
  std::vector<float> m_x0, m_eps;  ///< (C, H, W) planes
  QVector<QPointF> m_points;
  std::vector<float> m_pointEps;  ///< (N, 2)
};
