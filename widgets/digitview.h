// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <algorithm>
#include <QWidget>

/// Shows a small image (a 28×28 digit) large and crisp: square, nearest-neighbour scaled.
class DigitView final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(DigitView)

 public:
  explicit DigitView(QWidget* parent = nullptr);
  void setImage(const QImage& image);
  QImage image() const { return m_image; }
  /// What the empty box says until an image is set (grey on the window's colour instead of black).
  void setPlaceholder(const QString& text);
  /// Width over height of the box (1: square, the default; a strip of ten digits: about 10).
  void setAspectRatio(double ratio);
  QSize sizeHint() const override { return {280, int(280 / m_ratio)}; }
  QSize minimumSizeHint() const override { return {112, std::max(12, int(112 / m_ratio))}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return int(w / m_ratio); }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage m_image;
  QString m_placeholder;
  double m_ratio = 1.0;
};
