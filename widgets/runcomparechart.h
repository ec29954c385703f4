// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QCustomPlot;
class QCPGraph;
class QListWidget;

/// Runs side by side on one chart: each run its colour and legend entry, shown or hidden; one
/// curve at a time (a loss column, or a held-out measure with a dot an epoch) over steps, epochs
/// or training time. Every point is kept (drawing thins them, the data never). Whoever owns it
/// feeds it rows as the runs' folders change.
class RunCompareChart final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(RunCompareChart)

 public:
  enum class Axis { Step, Epoch, Time };

  explicit RunCompareChart(QWidget* parent = nullptr);

  /// A new run (its name in the legend); returns its id.
  int addRun(const QString& name);
  void removeRun(int id);
  int runCount() const { return int(m_runs.size()); }
  /// The run's loss and held-out columns, in the user's words (the curve choice lists them all).
  void setColumns(int id, const QStringList& losses, const QStringList& heldOut);
  void setStepsPerEpoch(int id, qint64 steps);
  /// Rows of run `id`: per row its step, epochs done, training seconds, losses and held-out
  /// values (empty when the row ended no epoch).
  void addRows(int id, const QVector<qint64>& steps, const QVector<int>& epochs, const QVector<double>& seconds,
               const QVector<QVector<double>>& losses, const QVector<QVector<double>>& heldOut);
  void setRunVisible(int id, bool visible);
  bool runVisible(int id) const;

  /// Losses drawn under a moving average (on by default); exports keep the raw values.
  void setSmoothed(bool smoothed);
  void setAxis(Axis axis);
  Axis axis() const;
  /// The curve shown, by its name ("" when no run has columns yet).
  QString curve() const;
  bool setCurve(const QString& name);
  QStringList curves() const;

  /// Every point of every run shown: "run,curve,step,epoch,seconds,value", 17 significant digits.
  QString csv() const;
  QCustomPlot* plot() const { return m_plot; }
  /// Points on the chart now (all shown runs).
  int pointCount() const;
  void replotNow();

 Q_SIGNALS:
  void addRunRequested();
  void runRemoved(int id);

 private:
  struct Run {
    int id = 0;
    QString name;
    QColor color;
    bool visible = true;
    QStringList losses, heldOut;
    qint64 stepsPerEpoch = 0;
    QVector<qint64> steps;
    QVector<int> epochs;
    QVector<double> seconds;
    QVector<QVector<double>> lossValues;  ///< per column
    QVector<int> heldOutRows;              ///< rows that ended an epoch
    QVector<QVector<double>> heldOutValues;  ///< per column, one per heldOutRows entry
    QCPGraph* graph = nullptr;
  };
  Run* find(int id);
  const Run* find(int id) const;
  double xOf(const Run& run, int row) const;
  /// The run's points of the chosen curve: (x, value) pairs; `rows` gets the row of each.
  void pointsOf(const Run& run, QVector<double>& x, QVector<double>& y, QVector<int>* rows = nullptr) const;
  void rebuild(Run& run);
  void rebuildAll();
  void refillCurves();
  void scheduleReplot();

  QCustomPlot* m_plot = nullptr;
  QComboBox* m_axis = nullptr;
  QComboBox* m_curve = nullptr;
  QCheckBox* m_smooth = nullptr;
  QLabel* m_missing = nullptr;  ///< which runs lack the curve shown; a hint when there are none
  QListWidget* m_list = nullptr;
  std::vector<Run> m_runs;
  int m_nextId = 1;
  bool m_replotPending = false;
};
