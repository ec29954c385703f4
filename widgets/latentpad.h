// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QPixmap>
#include <QPointF>
#include <QWidget>

/// A square pad over two latent dimensions: shows the decoded manifold grid behind a crosshair;
/// click or drag to move both dimensions at once; arrow keys nudge. Positions are fractions
/// (0..1) along each axis, x to the right and y upwards, like the sliders.
class LatentPad final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(LatentPad)

 public:
  explicit LatentPad(QWidget* parent = nullptr);

  void setBackground(const QImage& manifold);
  QImage background() const { return m_background; }
  void setPosition(QPointF fraction);  ///< no signal
  QPointF position() const { return m_position; }

  QSize sizeHint() const override { return {320, 320}; }
  QSize minimumSizeHint() const override { return {140, 140}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return w; }

 Q_SIGNALS:
  void moved(QPointF fraction);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  QRect square() const;
  void moveTo(QPointF fraction);

  QImage m_background;
  QPixmap m_scaled;  // m_background at the pad's size
  QPointF m_position{0.5, 0.5};
};
