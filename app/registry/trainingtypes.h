// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "familyoptions.h"
#include "status.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace genlab {
class DataParallel;
}

struct ModelFamily;

// Value types that cross from the training thread to the GUI. No torch in here.

/// What the user chose on the Train page (or on the command line).
struct TrainingSettings {
  QString model;  ///< a family id, a `--model` option the dataset resolves, or "" for the first family (Registry::resolve)
  QString dataset = QStringLiteral("mnist");   ///< a data set's name (DataSets::find): "mnist", "toy:moons", "folder:<path>"
  int imageSize = 28;                          ///< image folders: resized to 28, 32 or 64 px
  bool rgb = false;                            ///< image folders: three channels instead of grey
  QString dataFolder;    ///< MNIST-layout folder with train-* and t10k-* IDX files
  QString runsFolder;    ///< where a new, dated run folder is created…
  QString runFolder;     ///< …unless this names the exact (new or empty) folder to use
  QString resumeFolder;  ///< continue this run instead (its run.json gives the other settings)
  int epochs = 50;
  int batchSize = 128;
  double learningRate = 1e-3;
  quint64 seed = 1;
  int threads = 1;
  /// Where the model trains: "cpu", "cuda" or "cuda:N" (SystemInfo::devices()).
  QString device = QStringLiteral("cpu");
  /// "constant", or "cosine": a half cosine down to 1/100 of the rate over the planned steps
  /// (families that offer it: ModelFamily::lrSchedule); "" = the family's default.
  QString lrSchedule;
  /// "bf16" (bfloat16 convolutions and matrix products, float32 weights), "fp32", or "" for the
  /// automatic choice: bf16 where the family can and the CPU computes it natively (AVX512-BF16, AMX).
  QString precision;
  /// The family's own options (ModelFamily::options: β, the latent size, the pixel levels …), each
  /// declared once in the family's file; useDefaultsOf sets them to the family's defaults.
  OptionValues options;
  /// When resuming: the run's run.json "model" object, so the session rebuilds the model the run
  /// was trained with even where the family's defaults have changed since; {} for a new run.
  QJsonObject resumedModel;
  /// After each epoch that saves samples, score fresh samples (SampleQuality::LiveQuality): the
  /// classifier measure for images of a data set with classes, MMD for toy points. Written to
  /// metrics.csv's quality_ columns: the Train page's quality chart.
  bool scoreSamples = false;
  bool scoreSamplesAsked = false;  ///< resume: scoreSamples as set here, not as the run had it
  /// Data-parallel training (the CLI on several processes): this process's group, or null. The
  /// batch size is then the whole batch, shared by the processes.
  std::shared_ptr<genlab::DataParallel> dataParallel;
  qint64 saveEverySteps = 0;  ///< also checkpoint every this many steps; 0 = at each epoch's end only
  qint64 maxSteps = 0;   ///< stop (resumably) once the run has done this many steps; 0 = no limit

  /// Sets `model` (a family id, or a `--model` option resolved on `dataset`) and the
  /// hyperparameters its family starts from (epochs, batch, learning rate, its own options).
  void useDefaultsOf(const QString& model, const QString& dataset = QStringLiteral("mnist"));

  /// ok when every value is usable, else a sentence naming the bad value and the allowed range.
  Status validate() const;

  /// The precision a run of `family` uses when asked for `asked` ("", "fp32" or "bf16"): "fp32"
  /// for families without mixed precision; "" becomes bf16 where the CPU computes it natively.
  /// On another device than the CPU, "" is fp32 (bf16 pays only on recent GPUs: ask for it).
  static QString resolvedPrecision(const ModelFamily& family, const QString& asked,
                                   const QString& device = QStringLiteral("cpu"));
};


/// One optimisation step's numbers, in the order of the family's loss columns (ModelFamily::losses).
struct LossPoint {
  qint64 step = 0;
  QVector<double> values;
  QVector<double> optimizer;  ///< each optimizer's gradient norm and learning rate (ModelSession::optimizerReadings)
};

/// Sent about 25 times a second while training: every step since the last report.
struct TrainingProgress {
  QVector<LossPoint> points;
  qint64 step = 0;
  qint64 totalSteps = 0;
  int epoch = 0;             ///< epochs completed
  int epochs = 0;
  double samplesPerSecond = 0;
  double elapsedSeconds = 0;  ///< what the user has waited: training and scoring, pauses left out
  double etaSeconds = 0;      ///< the steps left and the scoring of the epochs left
  bool paused = false;        ///< the run waits (Pause) with its checkpoint saved
  QString waiting;            ///< what runs beside or between the steps, in words ("" when nothing)
};

/// The held-out evaluation after an epoch, in the order of the family's heldOut columns.
struct EpochEvaluation {
  int epoch = 0;
  qint64 step = 0;
  QVector<double> values;
  QVector<double> byTimestep;  ///< diffusion: the held-out loss per tenth of the timesteps
};

Q_DECLARE_METATYPE(TrainingSettings)
Q_DECLARE_METATYPE(TrainingProgress)
Q_DECLARE_METATYPE(EpochEvaluation)
