// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"
#include "modelfamily.h"
#include "trainingtypes.h"

#include <QHash>
#include <QList>
#include <QWidget>

class RunFollower;
struct MetricsColumns;
class TrainingController;
class TrainingDashboard;
struct MetricsRow;
struct EpochEvaluation;
struct TrainingProgress;

/// The Train page: the form and the charts (TrainingDashboard) over the training controller. One
/// run trains at a time; the form and the chart show that run while it trains, Stop is always
/// reachable, and a run asked for meanwhile (from this page or another) is queued or replaces the
/// running one, as the user chooses.
class TrainPage final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TrainPage)

 public:
  explicit TrainPage(QWidget* parent = nullptr);
  ~TrainPage() override;

  TrainingDashboard* dashboard() const { return m_dashboard; }
  TrainingController* training() const { return m_training; }
  bool isTraining() const;
  /// The family and folder of the run that trains (null / "" when none).
  const ModelFamily* runningFamily() const { return m_runningFamily; }
  QString runningFolder() const { return m_runningFolder; }
  QStringList queued() const;

  /// The form's settings as a run (dataset folder, runs folder filled in); the error names what is missing.
  Result<TrainingSettings> formSettings() const;
  /// Starts `s`, or while a run trains asks whether to stop it or queue `s`.
  void requestRun(const TrainingSettings& s);
  /// The first family's defaults on MNIST, from the form.
  TrainingSettings defaultRun() const;
  /// Threads for training while the window is up: one core stays free for the event loop.
  static int guiThreads();

  void loadPreferences();
  /// Looks again where each data set is (after the user got the digits).
  void refreshDatasets();
  void savePreferences() const;
  /// Stops the run (it saves) and waits at most `ms`; drops the queue.
  bool stopAndWait(int ms);
  /// Shows a run that something else trains (the CLI, another machine writing to a shared folder)
  /// on the charts and the sample strip, updated as its folder changes; "" stops. Starting a
  /// run here stops following.
  void followRun(const QString& folder);
  QString followedRun() const;
  /// Adds a run folder to the "Compare runs" chart, followed as it changes; the error says why not.
  Status compareRun(const QString& folder);
  /// Trains a stopped run on from where it stopped, with the settings in its run.json (asks first
  /// when a run trains, as Start does).
  Status continueRun(const QString& folder);

 Q_SIGNALS:
  void runStarted(const QString& folder, const ModelFamily* family);
  void decoderUpdated(const DecoderSnapshot& decoder, const QString& folder, const ModelFamily* family);
  void progressText(const QString& text);
  void runEnded(const QString& folder, bool completed, const ModelFamily* family);
  void message(const QString& text);

 private:
  enum class Answer { StopAndStart, Queue, Cancel };
  Answer askWhileTraining(const TrainingSettings& next);
  void startNow(const TrainingSettings& s);
  void startNextQueued();
  void showQueue();
  void onStarted(const QString& folder, qint64 totalSteps, const QString& familyId);
  void onProgress(const TrainingProgress& progress);
  void onEvaluated(const EpochEvaluation& evaluation);
  void onFinished(const QString& folder, bool completed);
  void onFailed(const QString& message);
  void showFollowedColumns();
  void showFollowedRows(const QVector<MetricsRow>& rows);
  /// The gradient, timestep and quality charts for a run with these metrics.csv columns.
  void setUpCharts(const MetricsColumns& columns, const QJsonObject& model, const QJsonObject& dataset);

  TrainingDashboard* m_dashboard = nullptr;
  TrainingController* m_training = nullptr;
  QList<TrainingSettings> m_queue;
  TrainingSettings m_running;
  const ModelFamily* m_runningFamily = nullptr;
  QString m_runningFolder;
  RunFollower* m_follower = nullptr;
  QHash<int, RunFollower*> m_compared;  ///< the comparison chart's run ids
};
