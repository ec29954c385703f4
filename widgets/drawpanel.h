// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QWidget>

class DigitView;
class QLabel;
class QSlider;

/// A canvas to draw on with the mouse (white ink on black, like the digits), or to drop an image
/// file on. The drawing is kept at 280 × 280 grey levels; whoever encodes it scales it.
class DrawingCanvas final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(DrawingCanvas)

 public:
  static constexpr int kSide = 280;
  explicit DrawingCanvas(QWidget* parent = nullptr);

  QImage drawing() const { return m_drawing; }
  bool isBlank() const { return m_blank; }
  /// Pen width in canvas pixels (a digit's stroke is about 24 of 280).
  void setPenWidth(int width) { m_penWidth = width; }
  int penWidth() const { return m_penWidth; }
  void clear();
  /// Shows `image` (any size; dark ink on light paper is inverted) as the drawing.
  bool setDrawing(const QImage& image);
  /// Draws a stroke through `points` (canvas pixels), as a mouse drag would; emits drawingChanged.
  void drawStroke(const QVector<QPointF>& points);

  QSize sizeHint() const override { return {kSide, kSide}; }
  QSize minimumSizeHint() const override { return {140, 140}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return w; }

 Q_SIGNALS:
  /// After each stroke, drop or clear.
  void drawingChanged();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  QRect square() const;
  QPointF toCanvas(QPointF pos) const;
  void line(QPointF from, QPointF to);

  QImage m_drawing;
  bool m_blank = true;
  int m_penWidth = 24;
  QPointF m_last;
  bool m_drawingNow = false;
};

/// "Draw a digit": the canvas, pen width and Clear, and beside it what the model makes of the
/// drawing (its reconstruction and where its code lies).
class DrawPanel final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(DrawPanel)

 public:
  explicit DrawPanel(QWidget* parent = nullptr);
  DrawingCanvas* canvas() const { return m_canvas; }
  void setReconstruction(const QImage& image, const QString& caption);
  QString caption() const;
  QImage reconstruction() const;

 private:
  DrawingCanvas* m_canvas = nullptr;
  DigitView* m_recon = nullptr;
  QLabel* m_caption = nullptr;
  QSlider* m_width = nullptr;
};
