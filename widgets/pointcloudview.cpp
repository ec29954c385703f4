// SPDX-License-Identifier: GPL-3.0-or-later
#include "pointcloudview.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>
#include <qcustomplot.h>

namespace {

// A scatter: QCPGraph looks its visible points up by x, so they are handed over unsorted and it
// sorts them (the order of a scatter does not matter).
void setGraphPoints(QCPGraph* graph, const QVector<QPointF>& points) {
  QVector<QCPGraphData> data(points.size());
  for (int i = 0; i < points.size(); ++i)
    data[i] = QCPGraphData(points[i].x(), points[i].y());
  graph->data()->set(data, false);
}

}  // namespace

PointCloudView::PointCloudView(QWidget* parent) : QWidget(parent) {
  m_plot = new QCustomPlot(this);
  m_plot->setObjectName(QStringLiteral("pointCloudPlot"));
  m_background = m_plot->addGraph();
  m_background->setLineStyle(QCPGraph::lsNone);
  m_background->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(160, 160, 160, 70), 3));
  m_points = m_plot->addGraph();
  m_points->setLineStyle(QCPGraph::lsNone);
  m_points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(31, 119, 180, 170), 3.5));
  // Tick labels: where the points are, in the data's units (the view is at least 260 px high).
  for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
    axis->setTickLabelFont(QFont(m_plot->font().family(), 7));
    axis->ticker()->setTickCount(5);
  }
  m_plot->xAxis->setRange(-2.5, 2.5);
  m_plot->yAxis->setRange(-2.5, 2.5);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_plot);
}

void PointCloudView::setBackground(const QVector<QPointF>& data) {
  setGraphPoints(m_background, data);
  m_dataExtent = 0;
  for (const QPointF& p : data)
    m_dataExtent = std::max({m_dataExtent, std::abs(p.x()), std::abs(p.y())});
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PointCloudView::setPoints(const QVector<QPointF>& points) {
  setGraphPoints(m_points, points);
  m_count = points.size();
  if (m_fitting)
    fit(points);
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PointCloudView::setTrails(const QVector<QVector<QPointF>>& trails) {
  while (m_trails.size() > trails.size())
    m_plot->removePlottable(m_trails.takeLast());
  static const QColor colours[] = {QColor(214, 39, 40), QColor(44, 160, 44), QColor(255, 127, 14), QColor(148, 103, 189),
                                   QColor(140, 86, 75), QColor(227, 119, 194), QColor(23, 190, 207), QColor(188, 189, 34)};
  while (m_trails.size() < trails.size()) {
    // A trail is a path in step order: a QCPCurve keeps the order (a graph would sort by x).
    auto* c = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    c->setPen(QPen(colours[m_trails.size() % 8], 1.5));
    m_trails.append(c);
  }
  for (int i = 0; i < trails.size(); ++i) {
    QVector<QCPCurveData> data(trails[i].size());
    for (int k = 0; k < trails[i].size(); ++k)
      data[k] = QCPCurveData(k, trails[i][k].x(), trails[i][k].y());
    m_trails[i]->data()->set(data, true);
  }
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PointCloudView::fit(const QVector<QPointF>& points) {
  std::vector<double> extent;
  extent.reserve(size_t(points.size()));
  for (const QPointF& p : points)
    extent.push_back(std::max(std::abs(p.x()), std::abs(p.y())));
  double r = m_dataExtent;
  if (!extent.empty()) {
    const auto k = extent.begin() + std::ptrdiff_t(double(extent.size() - 1) * 0.98);
    std::nth_element(extent.begin(), k, extent.end());
    r = std::max(r, *k);
  }
  m_half = r > 0 ? r * 1.15 : 1.0;
  applyRange();
}

// The square region, widened along the longer side of the plot so that one unit is as long
// across as up (a circle of points stays a circle).
void PointCloudView::applyRange() {
  const QRect rect = m_plot->axisRect()->rect();
  const double w = std::max(1, rect.width()), h = std::max(1, rect.height());
  m_plot->xAxis->setRange(-m_half * std::max(1.0, w / h), m_half * std::max(1.0, w / h));
  m_plot->yAxis->setRange(-m_half * std::max(1.0, h / w), m_half * std::max(1.0, h / w));
}

namespace {

// QCustomPlot's own layout passes, for the viewport set now (what draw() does first).
void layOut(QCustomPlot* plot) {
  for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
    plot->plotLayout()->update(phase);
}

}  // namespace

QImage PointCloudView::snapshot(int side) {
  const QRect onScreen = m_plot->viewport();
  m_plot->setViewport(QRect(0, 0, side, side));
  layOut(m_plot);
  applyRange();  // equal axes for the picture's own axis rectangle
  const QImage image = m_plot->toPixmap(side, side).toImage();
  m_plot->setViewport(onScreen);
  layOut(m_plot);
  applyRange();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
  return image;
}

void PointCloudView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  m_plot->replot();  // lays out the axis rect for the new size
  applyRange();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PointCloudView::setFitting(bool on) { m_fitting = on; }

double PointCloudView::range() const { return m_half; }

void PointCloudView::setRange(double range) {
  m_fitting = false;
  m_half = range;
  applyRange();
  m_plot->replot(QCustomPlot::rpQueuedReplot);
}
