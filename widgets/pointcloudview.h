// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;

/// A scatter of 2-D points (QCustomPlot) over a faded data distribution, with optional trails:
/// the path some points took across the steps so far.
class PointCloudView final : public QWidget {
  Q_OBJECT
 public:
  explicit PointCloudView(QWidget* parent = nullptr);
  void setBackground(const QVector<QPointF>& data);
  void setPoints(const QVector<QPointF>& points);
  /// One polyline per followed point (empty: none).
  void setTrails(const QVector<QVector<QPointF>>& trails);
  /// Fixes the visible square region to ±range around the origin.
  void setRange(double range);
  int pointCount() const { return m_count; }
  QCustomPlot* plot() const { return m_plot; }
  QSize sizeHint() const override { return {300, 300}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return w; }

 private:
  QCustomPlot* m_plot = nullptr;
  QCPGraph* m_background = nullptr;
  QCPGraph* m_points = nullptr;
  QVector<QCPGraph*> m_trails;
  int m_count = 0;
};
