// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "samplequality.h"
#include "status.h"

#include <QList>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

class QThread;

/// What the trade-off of classifier-free guidance is measured on: a diffusion run told the class,
/// the scales w in order, and how many DDIM samples of how many steps each is scored with.
struct GuidanceSweepRequest {
  QString runFolder;
  QList<double> scales{0, 1, 2, 4};
  int count = 200;  ///< samples per w (each class in turn), 20 … 2000
  int steps = 25;   ///< DDIM steps (η as the sampler's default)
  QString dataFolder;  ///< where the judge's data set lives ("": the usual place)
};

Q_DECLARE_METATYPE(QualityReport)

/// Measures fidelity against variety as guidance grows, off the GUI thread: for each w of the
/// request, `count` samples drawn with it, scored by the data set's judge (SampleQuality::scoreRun:
/// confident share, class entropy, Fréchet distance, per-class accuracy). The judge is trained
/// first where the data set has none yet (about a minute, said in progress()).
class GuidanceSweep final : public QObject {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(GuidanceSweep)

 public:
  explicit GuidanceSweep(QObject* parent = nullptr);
  ~GuidanceSweep() override;  ///< cancels and waits
  /// Starts, or says why it cannot (already running, no scales, a count out of range).
  Status start(const GuidanceSweepRequest& request);
  /// Stops between sampling steps; finished(false) follows.
  void cancel() { m_cancel->store(true); }
  bool isRunning() const { return m_busy->load(); }
  void wait();

 Q_SIGNALS:
  /// The share done (0 … 1 over every w) and what is being done.
  void progress(double done, const QString& what);
  /// One scale measured (report.guidance is its w).
  void measured(const QualityReport& report);
  /// Every scale measured (true), or stopped (false).
  void finished(bool completed);
  /// What stopped it (a run that does not open, no judge for its data).
  void failed(const QString& message);

 private:
  QThread* m_thread = nullptr;
  std::shared_ptr<std::atomic<bool>> m_cancel, m_busy;
};
