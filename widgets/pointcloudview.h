// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QPointF>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPCurve;
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
  /// Fixes the visible square region to ±range around the origin (and stops fitting).
  void setRange(double range);
  /// Default: the square around the origin that holds the data and 98 % of the points, so the
  /// spread-out noise of early steps and the small data set both stay in view.
  void setFitting(bool on);
  double range() const;
  int pointCount() const { return m_count; }
  QCustomPlot* plot() const { return m_plot; }
  /// The view drawn as a `side`×`side` picture with equal axes there (the on-screen view may be
  /// wider than high); the view on screen is as before afterwards.
  QImage snapshot(int side);
  QSize sizeHint() const override { return {300, 300}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override { return w; }

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  QCustomPlot* m_plot = nullptr;
  QCPGraph* m_background = nullptr;
  QCPGraph* m_points = nullptr;
  QVector<QCPCurve*> m_trails;
  int m_count = 0;
  bool m_fitting = true;
  double m_dataExtent = 0;
  double m_half = 2.5;  ///< half the side of the square region shown
  void applyRange();
  void fit(const QVector<QPointF>& points);
};
