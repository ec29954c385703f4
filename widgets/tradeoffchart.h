// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPCurve;

/// Fidelity against variety as classifier-free guidance grows: one point per scale w, the share of
/// samples the judge is sure of (right is more recognisable) against their Fréchet distance to
/// real images (down is closer to the real digits, their variety included), joined in order of w
/// and each labelled with its w.
class TradeoffChart final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TradeoffChart)

 public:
  explicit TradeoffChart(QWidget* parent = nullptr);
  /// One scale's scores: the confident share (0 … 1), the Fréchet distance, the per-class
  /// accuracy (the share drawn as the class asked for).
  void addPoint(double w, double confident, double frechet, double accuracy);
  void clear();
  int pointCount() const { return int(m_w.size()); }
  /// "w,confident,frechet,class_accuracy" and a row per point, a dot and 17 significant digits.
  QString csv() const;
  QCustomPlot* plot() const { return m_plot; }

 private:
  void redraw();

  QCustomPlot* m_plot = nullptr;
  QCPCurve* m_line = nullptr;
  QVector<double> m_w, m_confident, m_frechet, m_accuracy;
};
