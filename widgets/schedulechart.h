// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <vector>

class QCheckBox;
class QCustomPlot;
class QCPAxis;
class QCPGraph;
class QCPItemStraightLine;

/// ᾱ_t (left axis), SNR(t) = ᾱ/(1−ᾱ) (right axis, logarithmic) and β_t (its own axis, far right)
/// over t = 1 … T, with a cursor at the chosen t; a check box puts β and ᾱ on log scales too.
class ScheduleChart final : public QWidget {
  Q_OBJECT
 public:
  explicit ScheduleChart(QWidget* parent = nullptr);
  void setSchedule(const std::vector<double>& betas, const std::vector<double>& alphasCumprod);
  void setCursor(int t);
  QCustomPlot* plot() const { return m_plot; }
  int points() const;

 private:
  QCustomPlot* m_plot = nullptr;
  void rescale();
  QCPGraph *m_beta = nullptr, *m_alphaBar = nullptr, *m_snr = nullptr;
  QCPAxis* m_betaAxis = nullptr;
  QCPItemStraightLine* m_cursor = nullptr;
  QCheckBox* m_log = nullptr;
};
