// SPDX-License-Identifier: GPL-3.0-or-later
#include "digitview.h"

#include <QPainter>

#include <cmath>

DigitView::DigitView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void DigitView::setImage(const QImage& image) {
  m_image = image;
  update();
}

void DigitView::setPlaceholder(const QString& text) {
  m_placeholder = text;
  update();
}

void DigitView::setAspectRatio(double ratio) {
  m_ratio = ratio > 0 ? ratio : 1.0;
  updateGeometry();
  update();
}

void DigitView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const int w = std::min(width(), int(height() * m_ratio)), h = int(w / m_ratio);
  QRect target((width() - w) / 2, (height() - h) / 2, w, h);
  if (m_image.isNull() && !m_placeholder.isEmpty()) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(target.adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(target.adjusted(0, 0, -1, -1));
    return;
  }
  p.fillRect(target, Qt::black);
  if (!m_image.isNull()) {
    // Whole multiples of the pixel size keep every digit pixel the same size; a grid of images
    // that a whole multiple would leave small (under 3/4 of the box) is fitted instead.
    const double fit = std::min(double(w) / std::max(1, m_image.width()), double(h) / std::max(1, m_image.height()));
    const double whole = std::max(1.0, std::floor(fit));
    const double scale = whole >= 0.75 * fit ? whole : fit;
    const QSize size(int(m_image.width() * scale), int(m_image.height() * scale));
    const QRect r(target.center().x() - size.width() / 2 + 1, target.center().y() - size.height() / 2 + 1,
                  size.width(), size.height());
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(r, m_image);
  }
  p.setPen(palette().color(QPalette::Mid));
  p.drawRect(target.adjusted(0, 0, -1, -1));
}
