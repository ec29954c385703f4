// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"
#include "trainingtypes.h"

#include <QImage>
#include <QObject>
#include <atomic>
#include <memory>

class QThread;
class TrainingWorker;

/// Owns the training thread (GUI side of Qt's worker/controller pattern). One run at a time.
/// Destroying the controller stops the run, lets it save, and joins the thread.
class TrainingController final : public QObject {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TrainingController)

 public:
  explicit TrainingController(QObject* parent = nullptr);
  ~TrainingController() override;

  /// From start() until finished() or failed() is emitted.
  bool isRunning() const;
  /// Starts a run, or says why not (one is running, the settings are invalid); failed() is for
  /// what goes wrong once it runs.
  Status start(const TrainingSettings& settings);
  /// Asks the run to stop after the current batch; finished() follows.
  void stop();
  /// stop() and wait for the thread, at most `ms` milliseconds. True when it ended.
  bool stopAndWait(int ms);
  /// Pauses the run before its next batch (it saves a checkpoint and waits) or lets it go on.
  /// Progress with `paused` set follows. Ignored when nothing runs.
  void setPaused(bool paused);
  /// Asked to pause (the run may still be finishing its batch).
  bool isPaused() const;

 Q_SIGNALS:
  void started(const QString& runFolder, qint64 totalSteps, const QString& family);
  void progress(const TrainingProgress& progress);
  void evaluated(const EpochEvaluation& evaluation);
  /// The sample quality of an epoch (TrainingWorker::scored).
  void scored(const EpochEvaluation& quality);
  void note(const QString& text);
  void decoderUpdated(const DecoderSnapshot& decoder);
  void samplesSaved(const QImage& image, qint64 step, int epoch);
  void finished(const QString& runFolder, bool completed);
  void failed(const QString& message);

 private:
  QThread* m_thread = nullptr;
  std::shared_ptr<std::atomic<bool>> m_stop;
  std::shared_ptr<std::atomic<bool>> m_pause;
  bool m_busy = false;  ///< from start() until finished() or failed() reaches the GUI thread
};
