// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QList>
#include <QStringList>
#include <QVector>
#include <vector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCheckBox;
class QSlider;
class QTimer;

/// Live curves of a training run: one per loss the model reports (VAE: total, reconstruction, KL;
/// GAN: D and G losses, D(x), D(G(z))), each drawn raw (faded) with an exponential moving average
/// on top, and the held-out loss per epoch. The plot redraws at most 25 times a second however fast points come, and not at
/// all while hidden. Every point is kept.
class TrainingCurves final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TrainingCurves)

 public:
  explicit TrainingCurves(QWidget* parent = nullptr);

  /// Starts over with one curve per name, in this order, under the value-axis label `axisLabel`;
  /// `heldOut`: whether the held-out curve (one point per epoch) is in the legend.
  void setSeries(const QStringList& names, const QString& axisLabel = {}, bool heldOut = true);
  QStringList seriesNames() const;
  /// Draws these series (setSeries order) against a value axis on the right, labelled `label`:
  /// the learning rate (10⁻³) beside gradient norms (10…100). Undone by the next setSeries.
  void setRightAxis(const QList<int>& series, const QString& label);
  /// A logarithmic value axis (the check box under the chart).
  void setLogScale(bool on);
  void clear();
  /// `values[s][i]` is series s at `steps[i]`.
  void addSteps(const QVector<double>& steps, const QVector<QVector<double>>& values);
  /// The held-out loss after an epoch (a black curve with dots).
  void addEvaluation(double step, double value);
  /// Weight of the past in the moving average, 0 (raw) … 0.99 (TensorBoard's "smoothing").
  void setSmoothing(double smoothing);
  double smoothing() const { return m_smoothing; }

  /// Every point of every curve, raw (not smoothed), and the held-out points:
  /// "curve,step,value" lines, numbers with a dot and 17 significant digits (they read back exactly).
  QString curvesCsv() const;
  /// The chart as PNG, SVG or PDF (by the suffix). Ok, or what went wrong.
  Status saveChart(const QString& path) const;

  int pointCount() const;
  int replotCount() const { return m_replots; }
  QCustomPlot* plot() const { return m_plot; }
  /// The smoothed curve of series `series` (in setSeries order).
  QCPGraph* smoothedGraph(int series) const { return m_series[size_t(series)].smooth; }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  struct Series {
    QCPGraph* raw = nullptr;
    QCPGraph* smooth = nullptr;
    double ema = 0;  // biased average; divided by (1 − smoothingⁿ) when drawn
    int count = 0;
  };
  void append(Series& s, const QVector<double>& steps, const QVector<double>& values);
  void recomputeSmoothing();
  void scheduleReplot();
  void replotNow();

  QCustomPlot* m_plot = nullptr;
  std::vector<Series> m_series;
  QCPGraph* m_eval = nullptr;
  QCheckBox* m_logY = nullptr;
  QSlider* m_smoothingSlider = nullptr;
  QTimer* m_replotTimer = nullptr;
  double m_smoothing = 0.9;
  int m_replots = 0;
  bool m_dirty = false;
};
