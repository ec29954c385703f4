// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCheckBox;
class QSlider;
class QTimer;

/// Live loss curves of a VAE run: total (negative ELBO), reconstruction and KL per step, each
/// drawn raw (faded) with an exponential moving average on top, and the held-out negative ELBO
/// per epoch. The plot redraws at most 25 times a second however fast points come, and not at
/// all while hidden. Every point is kept.
class TrainingCurves final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TrainingCurves)

 public:
  explicit TrainingCurves(QWidget* parent = nullptr);

  void clear();
  void addSteps(const QVector<double>& steps, const QVector<double>& total, const QVector<double>& recon,
                const QVector<double>& kl);
  void addEvaluation(double step, double total);
  /// Weight of the past in the moving average, 0 (raw) … 0.99 (TensorBoard's "smoothing").
  void setSmoothing(double smoothing);
  double smoothing() const { return m_smoothing; }
  /// An auto-encoder has no KL term: its curve and legend entry are hidden.
  void setKlVisible(bool visible);

  int pointCount() const;
  int replotCount() const { return m_replots; }
  QCustomPlot* plot() const { return m_plot; }
  /// The smoothed curve of series 0 = total, 1 = reconstruction, 2 = KL.
  QCPGraph* smoothedGraph(int series) const { return m_series[series].smooth; }

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
  Series m_series[3];
  QCPGraph* m_eval = nullptr;
  QCheckBox* m_logY = nullptr;
  QSlider* m_smoothingSlider = nullptr;
  QTimer* m_replotTimer = nullptr;
  double m_smoothing = 0.9;
  int m_replots = 0;
  bool m_dirty = false;
};
