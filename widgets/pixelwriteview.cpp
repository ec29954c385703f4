// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixelwriteview.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kMargin = 2;  // room for the outlines of the edge images' outer pixels
constexpr int kGap = 6;     // between images
const QColor kBackground(22, 22, 26);
const QColor kImageBorder(70, 70, 78);
const QColor kFocusBorder(255, 210, 0);
const QColor kCursorColour(255, 140, 0);
const QColor kHeatPixelColour(0, 220, 255);
constexpr QRgb kDimmed = qRgba(0, 0, 0, 150);
constexpr QRgb kKnownTint = qRgba(70, 150, 255, 80);
constexpr QRgb kPaintedTint = qRgba(255, 120, 0, 130);  // painted over: to be written
constexpr int kBrushRadius = 1;                          // a 3 × 3 brush
constexpr int kHeatAlpha = 153;  // 60 %

/// Columns of a near-square grid of `count` images; at least 1 (it divides).
int gridColumns(int count) { return std::max(1, int(std::ceil(std::sqrt(double(std::max(count, 1))) - 1e-9))); }

/// A frame `thickness` pixels wide just outside `cell`, so the pixel itself stays visible.
void drawFrame(QPainter& p, const QRect& cell, int thickness, const QColor& colour) {
  const QRect outer = cell.adjusted(-thickness, -thickness, thickness, thickness);
  p.fillRect(QRect(outer.left(), outer.top(), outer.width(), thickness), colour);
  p.fillRect(QRect(outer.left(), outer.bottom() - thickness + 1, outer.width(), thickness), colour);
  p.fillRect(QRect(outer.left(), cell.top(), thickness, cell.height()), colour);
  p.fillRect(QRect(outer.right() - thickness + 1, cell.top(), thickness, cell.height()), colour);
}

/// Dark red through orange to pale yellow, for t in (0, 1].
QRgb heatColour(double t) {
  struct Stop {
    double at;
    int r, g, b;
  };
  static constexpr Stop stops[] = {{0.0, 150, 0, 20}, {0.5, 255, 110, 0}, {1.0, 255, 235, 90}};
  t = std::clamp(t, 0.0, 1.0);
  const Stop& lo = t < 0.5 ? stops[0] : stops[1];
  const Stop& hi = t < 0.5 ? stops[1] : stops[2];
  const double f = (t - lo.at) / (hi.at - lo.at);
  auto mix = [f](int a, int b) { return int(std::lround(a + f * (b - a))); };
  return qRgba(mix(lo.r, hi.r), mix(lo.g, hi.g), mix(lo.b, hi.b), kHeatAlpha);
}

}  // namespace

PixelWriteView::PixelWriteView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("pixelWriteView"));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setCursor(QCursor(Qt::CrossCursor));
}

void PixelWriteView::setImages(const QVector<QImage>& images) {
  const int oldSide = m_side;
  const auto oldCount = m_images.size();
  m_images.clear();
  m_images.reserve(images.size());
  for (const QImage& image : images)
    m_images.append(image.format() == QImage::Format_Grayscale8 ? image
                                                               : image.convertToFormat(QImage::Format_Grayscale8));
  m_side = m_images.isEmpty() ? 0 : m_images.first().width();
  if (m_side != oldSide)
    rebuildStateOverlay();
  rebuildHeatOverlay();  // its image may have come or gone
  if (m_images.size() != oldCount || m_side != oldSide)
    updateGeometry();  // the grid's shape, so heightForWidth, may have changed
  update();
}

void PixelWriteView::setWritePosition(int position) {
  if (position == m_cursor)
    return;
  m_cursor = position;
  rebuildStateOverlay();
  update();
}

void PixelWriteView::setKnownMask(const QVector<bool>& known) {
  m_known = known;
  rebuildStateOverlay();
  update();
}

void PixelWriteView::setHeatMap(int imageIndex, const QVector<float>& values, int row, int col) {
  m_heatImage = imageIndex;
  m_heat = values;
  m_heatRow = row;
  m_heatCol = col;
  rebuildHeatOverlay();
  update();
}

void PixelWriteView::clearHeatMap() {
  m_heatImage = -1;
  m_heat.clear();
  m_heatRow = m_heatCol = -1;
  m_heatOverlay = QImage();
  update();
}

void PixelWriteView::rebuildStateOverlay() {
  const int pixels = m_side * m_side;
  const bool hasCursor = m_cursor >= 0 && m_cursor < pixels;
  const bool hasMask = pixels > 0 && m_known.size() == pixels;
  if (m_painting && hasMask) {  // what is hidden, on the whole images
    m_stateOverlay = QImage(m_side, m_side, QImage::Format_ARGB32);
    for (int row = 0; row < m_side; ++row) {
      auto* line = reinterpret_cast<QRgb*>(m_stateOverlay.scanLine(row));
      for (int col = 0; col < m_side; ++col)
        line[col] = m_known[row * m_side + col] ? qRgba(0, 0, 0, 0) : kPaintedTint;
    }
    return;
  }
  if (!hasCursor && !hasMask) {
    m_stateOverlay = QImage();
    return;
  }
  m_stateOverlay = QImage(m_side, m_side, QImage::Format_ARGB32);
  for (int row = 0; row < m_side; ++row) {
    auto* line = reinterpret_cast<QRgb*>(m_stateOverlay.scanLine(row));
    for (int col = 0; col < m_side; ++col) {
      const int position = row * m_side + col;
      if (hasMask && m_known[position])
        line[col] = kKnownTint;
      else if (hasCursor && position > m_cursor)
        line[col] = kDimmed;
      else
        line[col] = qRgba(0, 0, 0, 0);
    }
  }
}

void PixelWriteView::rebuildHeatOverlay() {
  m_heatOverlay = QImage();
  const int pixels = m_side * m_side;
  if (m_heatImage < 0 || m_heatImage >= m_images.size() || m_heat.size() != pixels || pixels == 0)
    return;
  float max = 0;
  for (float v : m_heat)
    if (v > max)  // false for NaN
      max = v;
  if (!(max > 0) || !std::isfinite(max))
    return;
  m_heatOverlay = QImage(m_side, m_side, QImage::Format_ARGB32);
  for (int row = 0; row < m_side; ++row) {
    auto* line = reinterpret_cast<QRgb*>(m_heatOverlay.scanLine(row));
    for (int col = 0; col < m_side; ++col) {
      const float v = m_heat[row * m_side + col];
      line[col] = v > 0 ? heatColour(double(v) / max) : qRgba(0, 0, 0, 0);
    }
  }
}

PixelWriteView::Layout PixelWriteView::layout() const {
  Layout l;
  const int count = int(m_images.size());
  if (count == 0 || m_side <= 0)
    return l;
  l.columns = gridColumns(count);
  l.rows = (count + l.columns - 1) / l.columns;
  const double cellW = double(width() - 2 * kMargin - (l.columns - 1) * kGap) / l.columns;
  const double cellH = double(height() - 2 * kMargin - (l.rows - 1) * kGap) / l.rows;
  const double fit = std::max(0.0, std::min(cellW, cellH)) / m_side;
  // Whole multiples keep every image pixel the same size on screen (as DigitView does), unless
  // that would leave the images much smaller than the cells.
  const double whole = std::floor(fit);
  l.scale = whole >= 1 && whole >= 0.75 * fit ? whole : fit;
  l.span = int(std::lround(m_side * l.scale));
  l.step = l.span + kGap;
  const int gridW = l.columns * l.span + (l.columns - 1) * kGap;
  const int gridH = l.rows * l.span + (l.rows - 1) * kGap;
  l.origin = QPoint((width() - gridW) / 2, (height() - gridH) / 2);
  return l;
}

int PixelWriteView::edge(const Layout& l, int index) const { return int(std::lround(index * l.scale)); }

QRect PixelWriteView::imageRect(int imageIndex) const {
  if (imageIndex < 0 || imageIndex >= m_images.size())
    return {};
  const Layout l = layout();
  if (l.columns == 0)
    return {};
  return {l.origin.x() + (imageIndex % l.columns) * l.step, l.origin.y() + (imageIndex / l.columns) * l.step, l.span,
          l.span};
}

QRect PixelWriteView::cellRect(int imageIndex, int row, int col) const {
  if (row < 0 || col < 0 || row >= m_side || col >= m_side)
    return {};
  const QRect image = imageRect(imageIndex);
  if (image.isNull())
    return {};
  const Layout l = layout();
  const int left = edge(l, col);
  const int top = edge(l, row);
  return {image.left() + left, image.top() + top, edge(l, col + 1) - left, edge(l, row + 1) - top};
}

int PixelWriteView::heightForWidth(int w) const {
  const int count = int(m_images.size());
  if (count == 0)
    return w;
  const int columns = gridColumns(count);
  const int rows = (count + columns - 1) / columns;
  const double cell = double(w - 2 * kMargin - (columns - 1) * kGap) / columns;
  return std::max(0, int(std::lround(rows * cell + (rows - 1) * kGap + 2 * kMargin)));
}

void PixelWriteView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), kBackground);
  if (m_images.isEmpty()) {
    p.setPen(QColor(150, 150, 160));
    p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
               m_placeholder.isEmpty() ? tr("The images appear here as the model writes them, pixel by pixel.") : m_placeholder);
    return;
  }
  const Layout l = layout();
  if (l.span <= 0)
    return;
  p.setRenderHint(QPainter::SmoothPixmapTransform, false);
  const int pixels = m_side * m_side;
  const bool hasCursor = m_cursor >= 0 && m_cursor < pixels;
  const int thickness = std::clamp(int(std::lround(l.scale / 5)), 1, 3);
  for (int i = 0; i < m_images.size(); ++i) {
    const QRect target = imageRect(i);
    p.setPen(QPen(i == m_focusImage ? kFocusBorder : kImageBorder, 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(target.adjusted(-1, -1, 0, 0));  // a 1-px line just outside the image
    if (i == m_focusImage)
      p.drawRect(target.adjusted(-2, -2, 1, 1));  // two for the one the distribution is of
    p.drawImage(target, m_images[i]);
    if (!m_stateOverlay.isNull())
      p.drawImage(target, m_stateOverlay);
    if (i == m_heatImage && !m_heatOverlay.isNull())
      p.drawImage(target, m_heatOverlay);
    if (hasCursor)
      drawFrame(p, cellRect(i, m_cursor / m_side, m_cursor % m_side), thickness, kCursorColour);
    // After the cursor: the heat map's pixel is usually the cursor's, and cyan marks the image it is for.
    if (i == m_heatImage) {
      const QRect pixel = cellRect(i, m_heatRow, m_heatCol);
      if (!pixel.isNull())
        drawFrame(p, pixel, thickness, kHeatPixelColour);
    }
  }
}

void PixelWriteView::setFocusImage(int imageIndex) {
  if (imageIndex == m_focusImage)
    return;
  m_focusImage = imageIndex;
  update();
}

bool PixelWriteView::pixelAt(const QPoint& pos, int* imageIndex, int* row, int* col) const {
  if (m_side <= 0)
    return false;
  const Layout l = layout();
  for (int i = 0; i < m_images.size(); ++i) {
    const QRect image = imageRect(i);
    if (!image.contains(pos))
      continue;
    // The inverse of edge(): pixel k covers [edge(k), edge(k + 1)).
    auto index = [&](int offset) {
      int k = std::clamp(int(offset / l.scale), 0, m_side - 1);
      while (k > 0 && offset < edge(l, k))
        --k;
      while (k < m_side - 1 && offset >= edge(l, k + 1))
        ++k;
      return k;
    };
    *imageIndex = i;
    *row = index(pos.y() - image.top());
    *col = index(pos.x() - image.left());
    return true;
  }
  return false;
}

void PixelWriteView::setPainting(bool painting) {
  m_painting = painting;
  setCursor(painting ? Qt::CrossCursor : Qt::ArrowCursor);
  rebuildStateOverlay();
  update();
}

void PixelWriteView::paintAt(const QPoint& pos, bool hide) {
  int image = 0, row = 0, col = 0;
  if (!pixelAt(pos, &image, &row, &col))
    return;
  const int pixels = m_side * m_side;
  if (m_known.size() != pixels)
    m_known = QVector<bool>(pixels, true);
  bool changed = false;
  for (int r = std::max(0, row - kBrushRadius); r <= std::min(m_side - 1, row + kBrushRadius); ++r)
    for (int c = std::max(0, col - kBrushRadius); c <= std::min(m_side - 1, col + kBrushRadius); ++c) {
      bool& given = m_known[r * m_side + c];
      changed = changed || given == hide;
      given = !hide;
    }
  if (!changed)
    return;
  rebuildStateOverlay();
  update();
  Q_EMIT givenMaskPainted(m_known);
}

void PixelWriteView::mousePressEvent(QMouseEvent* event) {
  const QPoint pos = event->position().toPoint();
  if (m_painting && (event->button() == Qt::LeftButton || event->button() == Qt::RightButton)) {
    paintAt(pos, event->button() == Qt::LeftButton);
    event->accept();
    return;
  }
  int image = 0, row = 0, col = 0;
  if (event->button() == Qt::LeftButton && pixelAt(pos, &image, &row, &col)) {
    Q_EMIT pixelClicked(image, row, col);
    event->accept();
    return;
  }
  QWidget::mousePressEvent(event);
}

void PixelWriteView::mouseMoveEvent(QMouseEvent* event) {
  if (m_painting && (event->buttons() & (Qt::LeftButton | Qt::RightButton))) {
    paintAt(event->position().toPoint(), event->buttons() & Qt::LeftButton);
    event->accept();
    return;
  }
  QWidget::mouseMoveEvent(event);
}
