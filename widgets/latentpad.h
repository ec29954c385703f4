// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QPixmap>
#include <QPointF>
#include <QPolygonF>
#include <QVector>
#include <QWidget>

/// One encoded item on the pad: where (fractions, like positions) and its class (−1: none).
struct PadPoint {
  QPointF fraction;
  int label = -1;
};

/// A square pad over two latent dimensions: shows the decoded manifold grid behind a crosshair;
/// click or drag to move both dimensions at once; arrow keys nudge. Positions are fractions
/// (0..1) along each axis, x to the right and y upwards, like the sliders. Over the grid it can
/// show encoded data (dots coloured by class; hovering one reports it), a posterior's 1σ and 2σ
/// contours, and a walk's path between two codes.
class LatentPad final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(LatentPad)

 public:
  explicit LatentPad(QWidget* parent = nullptr);

  void setBackground(const QImage& manifold);
  QImage background() const { return m_background; }
  void setPosition(QPointF fraction);  ///< no signal
  QPointF position() const { return m_position; }

  /// The encoded data; drawn into a layer of its own, so moving the crosshair does not redraw it.
  void setPoints(const QVector<PadPoint>& points);
  QVector<PadPoint> points() const { return m_points; }
  void setPointsVisible(bool visible);
  bool pointsVisible() const { return m_pointsVisible; }
  /// The dot nearest to `pos` (widget coordinates) within a few pixels, or −1.
  int pointAt(QPointF pos) const;
  /// The colour of class `label` (ten distinct hues, repeating), for the dots and legends.
  static QColor classColor(int label);

  /// Contours of a posterior (closed curves in fractions; empty: none) and its centre.
  void setContours(const QVector<QPolygonF>& contours, QPointF centre);
  QVector<QPolygonF> contours() const { return m_contours; }
  /// A walk's codes projected on the pad, start to end (empty: none).
  void setWalk(const QPolygonF& path);
  QPolygonF walk() const { return m_walk; }

  QSize sizeHint() const override { return {320, 320}; }
  QSize minimumSizeHint() const override { return {140, 140}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return w; }

 Q_SIGNALS:
  void moved(QPointF fraction);
  /// The pointer rests on dot `index` of points(), or left the dots (−1).
  void pointHovered(int index);
  /// A right click on dot `index` (at `globalPos`): what can be done with that item.
  void pointMenuRequested(int index, QPoint globalPos);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;

 private:
  QRect square() const;
  void moveTo(QPointF fraction);
  QPointF toWidget(QPointF fraction, const QRect& r) const;
  void hover(int index);

  QImage m_background;
  QPixmap m_scaled;  // m_background at the pad's size
  QPointF m_position{0.5, 0.5};
  QVector<PadPoint> m_points;
  bool m_pointsVisible = true;
  QPixmap m_pointsLayer;  // the dots at the pad's size, transparent elsewhere
  int m_hovered = -1;
  QVector<QPolygonF> m_contours;
  QPointF m_contourCentre;
  QPolygonF m_walk;
};
