// SPDX-License-Identifier: GPL-3.0-or-later
#include "digitview.h"

#include <QPainter>

DigitView::DigitView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void DigitView::setImage(const QImage& image) {
  m_image = image;
  update();
}

void DigitView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const int side = std::min(width(), height());
  QRect target((width() - side) / 2, (height() - side) / 2, side, side);
  p.fillRect(target, Qt::black);
  if (!m_image.isNull()) {
    // Whole multiples of the pixel size keep every digit pixel the same size.
    const int scale = std::max(1, side / std::max(1, m_image.width()));
    const QSize size(m_image.width() * scale, m_image.height() * scale);
    const QRect r(target.center().x() - size.width() / 2 + 1, target.center().y() - size.height() / 2 + 1,
                  size.width(), size.height());
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(r, m_image);
  }
  p.setPen(palette().color(QPalette::Mid));
  p.drawRect(target.adjusted(0, 0, -1, -1));
}
