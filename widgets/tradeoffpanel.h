// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class TradeoffChart;

/// The Diffusion page's "Guidance trade-off" tab: which scales w, how many samples each and how
/// many DDIM steps; Measure and Stop; the progress; the chart of fidelity against variety and the
/// numbers of each w. What measures is the page's (GuidanceSweep), off the GUI thread.
class TradeoffPanel final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TradeoffPanel)

 public:
  explicit TradeoffPanel(QWidget* parent = nullptr);
  /// Whether the open run can be measured (a diffusion model told the class), and why not.
  void setAvailable(bool available, const QString& why = {});
  void setRunning(bool running);
  void setProgress(double done, const QString& what);
  /// One scale's scores (class accuracy −1: not told the class).
  void addResult(double w, double confident, double entropyBits, double frechet, double accuracy, int count);
  void setMessage(const QString& text);  ///< an error, in red; empty hides it
  void clear();
  /// The scales typed, in order; empty when one is not a number from 0 to 100.
  QList<double> scales() const;
  int count() const;
  int steps() const;
  TradeoffChart* chart() const { return m_chart; }

 Q_SIGNALS:
  void measureRequested(const QList<double>& scales, int count, int steps);
  void stopRequested();

 private:
  QLabel* m_why = nullptr;
  QWidget* m_controls = nullptr;
  QLineEdit* m_scales = nullptr;
  QSpinBox* m_count = nullptr;
  QSpinBox* m_steps = nullptr;
  QPushButton* m_measure = nullptr;
  QPushButton* m_stop = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;
  QLabel* m_message = nullptr;
  QLabel* m_table = nullptr;
  TradeoffChart* m_chart = nullptr;
  QStringList m_rows;
};
