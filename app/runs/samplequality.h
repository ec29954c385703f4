// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelfamily.h"

#include <QVector>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

/// How good a run's samples are, judged by a classifier of its data set (models/quality): the
/// class histogram, the share classified with probability ≥ 0.9, the class entropy in bits
/// (mode coverage: log2 10 ≈ 3.32 when all ten classes come equally often) and the Fréchet
/// distance between the classifier's features of the samples and of the held-out images.
struct QualityReport {
  QString what;  ///< what was scored ("1000 DDIM-50 samples", "held-out images" …)
  int count = 0;
  QStringList classes;
  QList<qint64> histogram;
  double confident = 0;
  double classEntropyBits = 0;
  double frechet = 0;
  double classifierAccuracy = 0;  ///< on the held-out images
  /// Drawn told the class: the share the classifier puts in the class asked for, and per class
  /// (−1 and empty for a model not told the class).
  double askedAccuracy = -1;
  QList<double> accuracyByClass;
  double guidance = -1;  ///< diffusion told the class: the guidance scale w the samples were drawn with
  QString classifierFile;
  QJsonObject toJson() const;
};

namespace SampleQuality {

/// Says what is happening during a long step (training the classifier, sampling).
using Say = std::function<void(const QString&)>;

/// Where the classifier of a data set lives: beside the data when that folder is writable
/// (genlab-quality-classifier.safetensors), else under the user's cache folder.
QString classifierFile(const QString& dataset, const QString& dataFolder);

/// Scores r.count samples (0: 1000; DDIM with r.steps for diffusion runs) of a run's model. The
/// classifier is trained on the run's data set on first use (about a minute) and cached. `stopping`
/// (asked between the classifier's batches; the sampling asks r.progress) ends it early with "stopped".
Result<QualityReport> scoreRun(const QString& folder, SampleRequest r, const QString& dataFolder, const Say& say,
                               const std::function<bool()>& stopping = {});

/// The calibration table of a data set's measure: training images, the same blurred, uniform
/// noise and one image repeated, `count` each, against the held-out images.
Result<QList<QualityReport>> calibrate(const QString& dataset, const QString& dataFolder, int count, const Say& say);

/// The quality measure of a run while it trains (TrainingWorker): made once per run, it scores
/// fresh samples after each epoch that saves samples. Image runs of a data set with classes: the
/// family's own sampling of the checkpoint just saved (what `genlab-cli quality` draws, DDIM-25
/// for diffusion), `ModelFamily::qualitySamples` of them, seed 1; toy runs: 1,000 points of the
/// session against up to 1,000 held-out points, by MMD with σ the held-out points' median distance.
class LiveQuality {
 public:
  ~LiveQuality();
  /// The measure; null (and ok) when it does not apply to the family; the error says why the run's
  /// data has nothing to judge by. The first score() loads the data set's classifier, or trains it
  /// (about a minute, once; `say` tells, from the training thread).
  static Result<std::unique_ptr<LiveQuality>> make(const ModelFamily& family, const TrainingSettings& s,
                                                   const DatasetSplits& data, const Say& say);
  /// metrics.csv's columns: quality_frechet, quality_confident, quality_entropy and
  /// quality_class_<i> per class; or quality_mmd.
  QStringList columns() const;
  /// The columns' values for the run's current weights (saved in `runFolder`; points from `session`).
  /// `stopping` is asked between batches: true ends it with an error. Ok and empty when the judge
  /// is not ready yet, unless `last` (the run's last epoch): then it waits for it.
  Result<QVector<double>> score(const QString& runFolder, ModelSession& session, const std::function<bool()>& stopping = {},
                                bool last = false);
  /// What the scores wait for, in words (the judge training beside the model), or "" when nothing.
  QString waitingFor() const;
  /// What is scored, in words ("500 samples, DDIM-25, after each epoch that saves samples").
  static QString describe(const ModelFamily& family, int timesteps);

 private:
  LiveQuality();
  void startJudging();
  static Result<std::unique_ptr<LiveQuality>> makeUnguarded(const ModelFamily& family, const TrainingSettings& s,
                                                            const DatasetSplits& data, const Say& say);
  struct Private;
  std::unique_ptr<Private> d;
};

}  // namespace SampleQuality
