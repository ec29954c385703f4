// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCheckBox;
class QTimer;

/// Live loss curves of a VAE run: total (negative ELBO), reconstruction and KL per step, and the
/// held-out negative ELBO per epoch. Points are appended from progress reports; the plot redraws
/// at most 25 times a second however fast they come. Every point is kept.
class TrainingCurves final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TrainingCurves)

 public:
  explicit TrainingCurves(QWidget* parent = nullptr);

  void clear();
  void addSteps(const QVector<double>& steps, const QVector<double>& total, const QVector<double>& recon,
                const QVector<double>& kl);
  void addEvaluation(double step, double total);
  int pointCount() const;
  int replotCount() const { return m_replots; }
  QCustomPlot* plot() const { return m_plot; }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void scheduleReplot();
  void replotNow();

  QCustomPlot* m_plot = nullptr;
  QCPGraph* m_total = nullptr;
  QCPGraph* m_recon = nullptr;
  QCPGraph* m_kl = nullptr;
  QCPGraph* m_eval = nullptr;
  QCheckBox* m_logY = nullptr;
  QTimer* m_replotTimer = nullptr;
  int m_replots = 0;
  bool m_dirty = false;
};
