// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QLabel;

/// How good the samples are, epoch by epoch, as the sample-quality measure scores them: for
/// images the Fréchet distance (lower is better, left axis) and the share classified with
/// confidence (higher is better, right axis), beside the class histogram of the latest samples;
/// for 2-D points the MMD between samples and held-out points (lower is better).
class QualityChart final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(QualityChart)

 public:
  explicit QualityChart(QWidget* parent = nullptr);
  /// Starts over for image samples of these classes; `note` says what is scored.
  void showImages(const QStringList& classes, const QString& note = {});
  /// Starts over for 2-D points.
  void showPoints(const QString& note = {});
  /// One epoch's scores: Fréchet distance, confident fraction, class entropy (bits), then the
  /// count of each class; for points the MMD.
  void addEpoch(int epoch, const QVector<double>& values);
  void clear();
  int pointCount() const { return int(m_epochs.size()); }
  /// The chart's numbers of measure `i` (the order of addEpoch's values), one per epoch.
  QVector<double> measure(int i) const;
  QVector<int> epochs() const { return m_epochs; }
  /// Every point: "epoch,<measure>,…" with a dot and 17 significant digits.
  QString csv() const;
  QCustomPlot* plot() const { return m_plot; }
  QCustomPlot* histogram() const { return m_histogram; }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void redraw();  ///< the data into the plots; drawn now if shown, else at the next showEvent

  QCustomPlot* m_plot = nullptr;
  QCustomPlot* m_histogram = nullptr;
  QCPGraph* m_main = nullptr;       ///< Fréchet distance or MMD
  QCPGraph* m_confident = nullptr;  ///< on the right axis
  QCPBars* m_bars = nullptr;
  QLabel* m_histogramTitle = nullptr;
  QLabel* m_note = nullptr;
  bool m_points = false;
  QStringList m_classes;
  QVector<int> m_epochs;
  QVector<QVector<double>> m_values;
};
