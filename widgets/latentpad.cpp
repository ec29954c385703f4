// SPDX-License-Identifier: GPL-3.0-or-later
#include "latentpad.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

LatentPad::LatentPad(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);  // hovering a dot shows its item
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

void LatentPad::setPoints(const QVector<PadPoint>& points) {
  m_points = points;
  m_pointsLayer = QPixmap();
  if (m_hovered >= m_points.size())
    hover(-1);
  update();
}

void LatentPad::setPointsVisible(bool visible) {
  m_pointsVisible = visible;
  if (!visible)
    hover(-1);
  update();
}

QColor LatentPad::classColor(int label) {
  // Ten hues that stay apart on the grey digits behind them (Tableau 10).
  static const QColor colors[10] = {{78, 121, 167}, {242, 142, 43}, {225, 87, 89},  {118, 183, 178}, {89, 161, 79},
                                    {237, 201, 72}, {176, 122, 161}, {255, 157, 167}, {156, 117, 95}, {186, 176, 172}};
  return label < 0 ? QColor(230, 230, 230) : colors[label % 10];
}

void LatentPad::setContours(const QVector<QPolygonF>& contours, QPointF centre) {
  m_contours = contours;
  m_contourCentre = centre;
  update();
}

void LatentPad::setWalk(const QPolygonF& path) {
  m_walk = path;
  update();
}

QPointF LatentPad::toWidget(QPointF fraction, const QRect& r) const {
  return {r.left() + fraction.x() * r.width(), r.bottom() - fraction.y() * r.height()};
}

int LatentPad::pointAt(QPointF pos) const {
  if (!m_pointsVisible)
    return -1;
  const QRect r = square();
  int best = -1;
  double bestDistance = 6.0 * 6.0;
  for (int i = 0; i < m_points.size(); ++i) {
    const QPointF d = toWidget(m_points[i].fraction, r) - pos;
    const double d2 = d.x() * d.x() + d.y() * d.y();
    if (d2 <= bestDistance) {
      bestDistance = d2;
      best = i;
    }
  }
  return best;
}

void LatentPad::hover(int index) {
  if (index == m_hovered)
    return;
  m_hovered = index;
  update();
  Q_EMIT pointHovered(index);
}

void LatentPad::contextMenuEvent(QContextMenuEvent* event) {
  if (const int index = pointAt(event->pos()); index >= 0)
    Q_EMIT pointMenuRequested(index, event->globalPos());
}

void LatentPad::leaveEvent(QEvent* event) {
  hover(-1);
  QWidget::leaveEvent(event);
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
  if (m_pointsVisible && !m_points.isEmpty()) {
    if (m_pointsLayer.size() != r.size()) {  // drawn once per new set of points or size
      m_pointsLayer = QPixmap(r.size());
      m_pointsLayer.fill(Qt::transparent);
      QPainter layer(&m_pointsLayer);
      layer.setRenderHint(QPainter::Antialiasing, true);
      const QRect local(0, 0, r.width(), r.height());
      for (const PadPoint& point : m_points) {
        // Beyond ±3σ a dot sits on the edge, hollow: it lies further out than the map reaches.
        const QPointF f = point.fraction;
        const bool beyond = f.x() <= 0.0 || f.x() >= 1.0 || f.y() <= 0.0 || f.y() >= 1.0;
        layer.setPen(beyond ? QPen(classColor(point.label), 1.2) : QPen(QColor(0, 0, 0, 160), 0.8));
        layer.setBrush(beyond ? QBrush(Qt::NoBrush) : QBrush(classColor(point.label)));
        layer.drawEllipse(toWidget(f, local), 3.2, 3.2);
      }
    }
    p.drawPixmap(r.topLeft(), m_pointsLayer);
    if (m_hovered >= 0 && m_hovered < m_points.size()) {
      p.setPen(QPen(Qt::white, 2));
      p.setBrush(classColor(m_points[m_hovered].label));
      p.drawEllipse(toWidget(m_points[m_hovered].fraction, r), 6, 6);
    }
  }
  if (m_walk.size() >= 2) {
    QPolygonF path;
    for (const QPointF& f : m_walk)
      path << toWidget(f, r);
    p.setPen(QPen(QColor(255, 220, 0), 2, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(path);
    p.setPen(QPen(Qt::black, 1));
    const QString ends[2] = {tr("A"), tr("B")};
    for (int i = 0; i < 2; ++i) {
      const QPointF c = i == 0 ? path.first() : path.last();
      p.setBrush(QColor(255, 220, 0));
      p.drawEllipse(c, 8, 8);
      p.drawText(QRectF(c.x() - 8, c.y() - 8, 16, 16), Qt::AlignCenter, ends[i]);
    }
  }
  if (!m_contours.isEmpty()) {
    p.setBrush(Qt::NoBrush);
    for (int i = 0; i < m_contours.size(); ++i) {
      QPolygonF curve;
      for (const QPointF& f : m_contours[i])
        curve << toWidget(f, r);
      p.setPen(QPen(QColor(0, 230, 255), i == 0 ? 2.0 : 1.4, i == 0 ? Qt::SolidLine : Qt::DashLine));
      p.drawPolygon(curve);
    }
    // A code beyond ±3σ sits on the edge, hollow, as the scatter's points do.
    const QPointF f = m_contourCentre;
    const bool beyond = f.x() <= 0.0 || f.x() >= 1.0 || f.y() <= 0.0 || f.y() >= 1.0;
    p.setPen(QPen(QColor(0, 230, 255), beyond ? 2.0 : 1.0));
    p.setBrush(beyond ? QBrush(Qt::NoBrush) : QBrush(QColor(0, 230, 255)));
    p.drawEllipse(toWidget(f, r), beyond ? 5.0 : 3.5, beyond ? 5.0 : 3.5);
  }
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
  if (event->button() == Qt::RightButton)
    return;  // the dots' menu
  const QRect r = square();
  moveTo({(event->position().x() - r.left()) / r.width(), (r.bottom() - event->position().y()) / r.height()});
}

void LatentPad::mouseMoveEvent(QMouseEvent* event) {
  if (event->buttons() & Qt::LeftButton)
    mousePressEvent(event);
  else
    hover(pointAt(event->position()));
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
