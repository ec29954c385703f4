// SPDX-License-Identifier: GPL-3.0-or-later
#include "latentpad.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

LatentPad::LatentPad(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  setCursor(Qt::CrossCursor);
  setToolTip(tr("Click or drag to move both latent dimensions; arrow keys nudge."));
}

void LatentPad::setBackground(const QImage& manifold) {
  m_background = manifold;
  m_scaled = QPixmap();
  update();
}

void LatentPad::setPosition(QPointF fraction) {
  m_position = {std::clamp(fraction.x(), 0.0, 1.0), std::clamp(fraction.y(), 0.0, 1.0)};
  update();
}

QRect LatentPad::square() const {
  const int side = std::min(width(), height()) - 2;
  return {(width() - side) / 2, (height() - side) / 2, side, side};
}

void LatentPad::moveTo(QPointF fraction) {
  const QPointF before = m_position;
  setPosition(fraction);
  if (m_position != before)
    Q_EMIT moved(m_position);
}

void LatentPad::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const QRect r = square();
  p.fillRect(r, Qt::black);
  if (!m_background.isNull()) {
    // Scaled once per new grid or size, not on every crosshair move.
    if (m_scaled.size() != r.size())
      m_scaled = QPixmap::fromImage(m_background.scaled(r.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation));
    p.drawPixmap(r.topLeft(), m_scaled);
  }
  p.setRenderHint(QPainter::Antialiasing, true);
  const QPointF c(r.left() + m_position.x() * r.width(), r.bottom() - m_position.y() * r.height());
  QPen pen(QColor(255, 80, 60), 2);
  p.setPen(pen);
  p.drawLine(QPointF(c.x(), r.top()), QPointF(c.x(), r.bottom()));
  p.drawLine(QPointF(r.left(), c.y()), QPointF(r.right(), c.y()));
  p.setBrush(QColor(255, 80, 60, 90));
  p.drawEllipse(c, 7, 7);
  p.setBrush(Qt::NoBrush);
  p.setPen(hasFocus() ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid));
  p.drawRect(r.adjusted(0, 0, -1, -1));
}

void LatentPad::mousePressEvent(QMouseEvent* event) {
  const QRect r = square();
  moveTo({(event->position().x() - r.left()) / r.width(), (r.bottom() - event->position().y()) / r.height()});
}

void LatentPad::mouseMoveEvent(QMouseEvent* event) {
  if (event->buttons() & Qt::LeftButton)
    mousePressEvent(event);
}

void LatentPad::keyPressEvent(QKeyEvent* event) {
  const double step = (event->modifiers() & Qt::ShiftModifier) ? 0.1 : 0.01;
  switch (event->key()) {
    case Qt::Key_Left: moveTo(m_position + QPointF(-step, 0)); break;
    case Qt::Key_Right: moveTo(m_position + QPointF(step, 0)); break;
    case Qt::Key_Up: moveTo(m_position + QPointF(0, step)); break;
    case Qt::Key_Down: moveTo(m_position + QPointF(0, -step)); break;
    default: QWidget::keyPressEvent(event);
  }
}
