// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"
#include "trainingtypes.h"

#include "modelfamily.h"

#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <atomic>
#include <memory>

class ModelSession;
class Run;
class RunWriter;
namespace SampleQuality {
class LiveQuality;
}

/// Trains one model (any registered family, through its ModelSession) on one dataset, into a
/// run folder. Lives on its own thread (TrainingController) or is run directly by
/// the CLI. All torch state is created, used and destroyed inside run(), on the calling thread;
/// only value types leave through the signals.
/// Fills `s` with what a run trains with (its family, data, options and hyperparameters from run.json)
/// so that it continues as it began; an error when it has trained all its epochs and `s` asks for no more.
Status settingsFromRun(const Run& run, TrainingSettings& s);

class TrainingWorker final : public QObject {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TrainingWorker)

 public:
  explicit TrainingWorker(TrainingSettings settings, QObject* parent = nullptr);
  ~TrainingWorker() override;

  using StopFlag = std::shared_ptr<std::atomic<bool>>;
  /// Setting the flag (from any thread) makes the loop stop before the next batch, save and
  /// finish. Shared so that it outlives the worker: the controller may set it at any time.
  StopFlag stopFlag() const { return m_stop; }
  void requestStop() { m_stop->store(true, std::memory_order_relaxed); }
  /// While set (from any thread), the loop waits before the next batch, after saving a
  /// checkpoint and reporting progress with `paused`; cleared, it goes on exactly where it was
  /// (same process, same state: the continued run equals one never paused). Stop ends a pause.
  using PauseFlag = std::shared_ptr<std::atomic<bool>>;
  PauseFlag pauseFlag() const { return m_pause; }

  /// How often a decoder copy is published while training (the Explore page's refresh rate).
  static constexpr int kDecoderIntervalMs = 100;
  /// How often progress (with every step's losses since the last one) is reported.
  static constexpr int kProgressIntervalMs = 40;

 public Q_SLOTS:
  /// The whole training run; returns when finished, stopped or failed. Never throws.
  void run();

 Q_SIGNALS:
  /// `family` (a family id) names the values of every LossPoint that follows (its loss columns).
  void started(const QString& runFolder, qint64 totalSteps, const QString& family);
  void progress(const TrainingProgress& progress);
  void evaluated(const EpochEvaluation& evaluation);
  void decoderUpdated(const DecoderSnapshot& decoder);
  /// The sample-quality measure of an epoch's samples (metrics.csv's quality_ columns, in order).
  void scored(const EpochEvaluation& quality);
  /// Something the user should know that does not stop the run (the quality classifier trains once…).
  void note(const QString& text);
  /// A new sample grid was saved as samples/step-N.png.
  void samplesSaved(const QImage& image, qint64 step, int epoch);
  /// `completed` is false when stopped early; the weights of the last step are saved either way.
  void finished(const QString& runFolder, bool completed);
  void failed(const QString& message);

 private:
  /// Opens or creates the run, makes the family's session and trains it (train loop below).
  Status train();
  /// The steps, evaluations, samples, checkpoints and progress reports until the run ends or stops.
  Status trainLoop(const TrainingSettings& s, const ModelFamily& family, ModelSession& model,
                   std::unique_ptr<SampleQuality::LiveQuality>& quality);
  /// After an epoch that saves samples: the samples, the checkpoint, the best weights, the quality.
  /// Time spent scoring samples so far, and how many epochs it scored (the ETA's share for scoring).
  struct Scoring {
    qint64 ms = 0;
    int epochs = 0;
  };
  Status endSampledEpoch(ModelSession& model, std::unique_ptr<SampleQuality::LiveQuality>& quality,
                         const QVector<double>& lastEval, double wallSeconds, bool last, bool scores, Scoring& scoring,
                         const std::function<void(const QString&)>& say);

  TrainingSettings m_settings;
  /// The run's files once it has begun (run() marks the run "failed" through it); on the worker's thread.
  std::unique_ptr<RunWriter> m_writer;
  StopFlag m_stop = std::make_shared<std::atomic<bool>>(false);
  PauseFlag m_pause = std::make_shared<std::atomic<bool>>(false);
};
