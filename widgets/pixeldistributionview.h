// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRectF>
#include <QString>
#include <QVector>
#include <QWidget>

/// The model's predicted distribution of the next pixel of one image: two labelled bars ("black",
/// "white") for binary pixels, or a histogram over the grey levels 0..255, scaled to the largest
/// probability, with the level actually drawn highlighted in orange. A hint while empty.
class PixelDistributionView final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(PixelDistributionView)

 public:
  explicit PixelDistributionView(QWidget* parent = nullptr);

  /// 2 entries: P(black), P(white); 256 (or any other count): P(level). `drawnLevel` < 0: none.
  /// Negative or non-finite entries are drawn as 0. Empty: the hint.
  void setDistribution(const QVector<float>& probabilities, int drawnLevel = -1);
  QVector<float> distribution() const { return m_probabilities; }
  int drawnLevel() const { return m_drawn; }

  /// A short line shown small at the top, e.g. "pixel (12, 5) of image 1".
  void setCaption(const QString& caption);
  QString caption() const { return m_caption; }

  /// Where the bar of `level` is drawn at the current size (zero height for probability 0); null
  /// with no distribution or no such level.
  QRectF barRect(int level) const;

  QSize sizeHint() const override { return {320, 140}; }
  QSize minimumSizeHint() const override { return {160, 80}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  bool binary() const { return m_probabilities.size() == 2; }
  QFont smallFont() const;
  QRect panelRect() const;  // the coloured plot background
  QRect barArea() const;    // inside the panel: where bars stand, full height = the largest probability
  void paintBinary(QPainter& p);
  void paintHistogram(QPainter& p);

  QVector<float> m_probabilities;  // cleaned: finite, ≥ 0
  float m_max = 0;
  int m_drawn = -1;
  QString m_caption;
};
