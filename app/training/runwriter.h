// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to genlab_core's .cpp files (the training worker).

#include "modelfamily.h"
#include "runfolder.h"

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QStringList>
#include <QVector>
#include <optional>

class ModelSession;
struct TrainingSettings;

/// metrics.csv's columns after step, epoch and wall_s, in the order they are written: the losses of
/// each step, the held-out measures of each epoch, each optimizer's gradient norm and rate, the
/// held-out loss per range of timesteps (diffusion), columns an earlier part of a resumed run wrote
/// that this one does not, the sample quality of each scored epoch (RunMetrics reads them by name).
struct MetricsHeader {
  QStringList losses, heldOut, optimizer, timesteps, kept, quality;

  /// The columns of `family`'s run through `session`, with `quality` (LiveQuality::columns); the
  /// columns of `previous` (a resumed run's metrics.csv) that none of these is are kept.
  static MetricsHeader of(const ModelFamily& family, const ModelSession& session, const QStringList& quality,
                          const QByteArray& previous);
  QByteArray line() const;
};

/// A training run's files while it trains: run.json, metrics.csv, the checkpoint
/// (weights.safetensors, optimizer.safetensors), best.safetensors and samples/. Used on the
/// training thread only; every write is atomic (RunFolder) and every failure comes back as a Status.
class RunWriter {
 public:
  /// A new run: its folder (settings' runFolder, else a new dated one under runsFolder) and run.json's
  /// description of the model, the data and the versions.
  static Result<RunWriter> create(const TrainingSettings& s, const ModelFamily& family, const QJsonObject& model,
                                  const QJsonObject& dataset, MetricsHeader header);
  /// The run `folder` (run.json `json`, metrics.csv `metrics`) continues from the checkpoint of `step`:
  /// rows after it are dropped, older rows take the new columns.
  static RunWriter resumed(const ModelFamily& family, RunFolder folder, QJsonObject json, const QByteArray& metrics,
                           qint64 step, MetricsHeader header);
  RunWriter() = default;

  const RunFolder& folder() const { return m_folder; }
  const QJsonObject& json() const { return m_json; }
  const MetricsHeader& header() const { return m_header; }
  /// The step of the last checkpoint on disk, -1 before any.
  qint64 savedStep() const { return m_savedStep; }
  /// The training time of earlier parts of a resumed run, in seconds.
  double wallBefore() const { return m_wallBefore; }

  /// run.json (the training settings, status "running") and metrics.csv as they stand: the run begins.
  Status begin(const TrainingSettings& s, const QJsonObject& options);
  /// One step's row. `heldOut` and `byTimestep` are empty except at an epoch's end; the quality cells stay
  /// empty until fillQuality.
  void addRow(qint64 step, qint64 epoch, double wallSeconds, const QVector<double>& losses, const QVector<double>& heldOut,
              const QVector<double>& optimizer, const QVector<double>& byTimestep);
  /// The checkpoint, metrics.csv and run.json (steps, epochs, time, the last held-out measures, the
  /// codes' range); `completed`, when given, ends the run's status ("completed" or "stopped").
  Status save(ModelSession& session, double wallSeconds, const QVector<double>& lastEval,
              std::optional<bool> completed = std::nullopt);
  /// After save(): whether `lastEval` beats the best epoch so far (families that keep the best).
  bool improves(const QVector<double>& lastEval) const;
  /// After save(), when improves(): the checkpoint's weights kept as best.safetensors (one rename), run.json says which.
  Status keepBest(const ModelSession& session, const QVector<double>& lastEval);
  /// samples/step-N.png.
  Status writeSamples(const QImage& samples, qint64 step);
  /// The last row's quality cells, then metrics.csv again.
  Status fillQuality(const QVector<double>& values);
  /// run.json says the run failed and why (best effort: the failure is reported either way).
  void markFailed(const QString& why);

 private:
  RunWriter(RunFolder folder, QJsonObject json, QByteArray metrics, MetricsHeader header, const ModelFamily& family);

  RunFolder m_folder;
  QJsonObject m_json;
  QByteArray m_metrics;
  MetricsHeader m_header;
  const ModelFamily* m_family = nullptr;
  qint64 m_savedStep = -1;
  double m_wallBefore = 0;
  double m_best = 0;
};
