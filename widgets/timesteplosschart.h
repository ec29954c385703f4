// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QTimer;

/// A diffusion model's held-out loss as a function of the noise level: the timesteps cut into
/// equal buckets (bucket b holds b·T/B ≤ t < (b+1)·T/B), one curve per evaluated epoch, early
/// epochs pale, the latest dark and thick — how the loss falls at each t as training goes on
/// (at most 12 curves, evenly spaced from the first epoch to the latest; the CSV has them all).
class TimestepLossChart final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TimestepLossChart)

 public:
  explicit TimestepLossChart(QWidget* parent = nullptr);
  /// Starts over for a model with `timesteps` steps (T).
  void setTimesteps(int timesteps);
  int timesteps() const { return m_timesteps; }
  /// The held-out loss of each bucket after `epoch` (NaN: no example drew a t in it); drawn once
  /// control returns to the event loop.
  void addEpoch(int epoch, const QVector<double>& byBucket);
  void clear();
  int epochCount() const { return int(m_epochs.size()); }
  /// "epoch,t_from,t_to,loss" lines, every epoch, numbers with a dot and 17 significant digits.
  QString csv() const;
  QCustomPlot* plot() const { return m_plot; }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void redraw();  ///< the data into the plots; drawn now if shown, else at the next showEvent

  /// The first timestep of bucket `bucket` of `buckets`.
  int firstOf(int bucket, int buckets) const;

  static constexpr int kCurves = 12;
  QCustomPlot* m_plot = nullptr;
  QLabel* m_note = nullptr;
  QTimer* m_redrawTimer = nullptr;
  int m_timesteps = 1000;
  QVector<int> m_epochs;
  QVector<QVector<double>> m_values;
};
