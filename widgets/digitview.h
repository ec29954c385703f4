// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
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
  QSize sizeHint() const override { return {280, 280}; }
  QSize minimumSizeHint() const override { return {112, 112}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return w; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage m_image;
  QString m_placeholder;
};
