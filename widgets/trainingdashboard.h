// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modeloptionrows.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLayout;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class SampleStrip;
class RunCompareChart;
class QTabWidget;
class TrainingCurves;
class TimestepLossChart;
class QualityChart;

/// One model the Train page offers (app/ fills these from its model-family registry).
struct ModelChoice {
  QString id;       ///< what TrainingFormValues::model holds
  QString option;   ///< shared by the same model on images and on points (the VAE and the toy VAE)
  QString label;    ///< in the user's words
  QString tooltip;
  bool points = false;      ///< trains on 2-D points (the toy sets), not images
  QStringList heldOut;      ///< the held-out measures' names; the first is charted
  QString heldOutUnit;      ///< their unit
  bool mixedPrecision = false;  ///< the arithmetic (bfloat16 or float32) can be chosen
  QVector<FormOption> options;  ///< its own options (β, the latent size, the pixel levels …): rows of the form
};

/// One data set the Train page offers (app/ fills these from its data set registry).
struct DatasetChoice {
  QString id;          ///< what TrainingFormValues::dataset holds
  QString label;       ///< in the user's words
  bool points = false;      ///< 2-D points (the models that take points), not images
  bool imageFolder = false;  ///< choosing it asks for a folder of images (imageFolderRequested)
  QString note;        ///< said under the list when chosen (generated sets); "" = where it is on this machine
  QString howToGet;    ///< said when it is not on this machine
};

/// The values of the Train page's form (widgets know nothing of the training code).
struct TrainingFormValues {
  QString model;                              ///< a ModelChoice id; "" = the first offered
  QString dataset;                            ///< a DatasetChoice id; "" = the first offered
  QString imageFolder;                        ///< the image-folder choice: which folder
  int imageSize = 28;                         ///< image folders: 28, 32 or 64 px
  bool rgb = false;                           ///< image folders: colour
  int epochs = 50;
  int batchSize = 128;
  double learningRate = 1e-3;
  quint64 seed = 1;
  int threads = 1;
  QString device = QStringLiteral("cpu");  ///< "cpu" or "cuda:N" (one of setDevices' names)
  QString precision;  ///< "" automatic, "bf16" or "fp32"
  QVariantMap options;  ///< the chosen model's own options by key (FormOption::key)
  bool scoreSamples = true;  ///< score fresh samples after each epoch (the Sample quality tab)
};

/// The Train page: model, data and hyperparameters; Start and Stop; progress, speed, ETA; live
/// loss curves and the held-out loss after each epoch.
class TrainingDashboard final : public QWidget {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(TrainingDashboard)

 public:
  explicit TrainingDashboard(QWidget* parent = nullptr);

  TrainingFormValues values() const;
  void setValues(const TrainingFormValues& values);
  /// The models to offer; the list shows those that take the chosen data (images or points).
  void setModelChoices(const QVector<ModelChoice>& choices);
  /// The data sets to offer, images first.
  void setDatasetChoices(const QVector<DatasetChoice>& choices);
  void setMaxThreads(int n);
  /// Where a run can train: device names ("cpu", "cuda:0" …) and their labels. `noGpuReason`, when
  /// not empty, adds a GPU entry that cannot be chosen, with the reason as its tooltip.
  void setDevices(const QStringList& names, const QStringList& labels, const QString& noGpuReason);
  /// What "Automatic" arithmetic means on this machine ("bfloat16 on this CPU").
  void setAutomaticPrecision(const QString& meaning);
  /// Where the data set `dataset` (a DatasetChoice id) was found; "" = not on this machine.
  void setDatasetLocation(const QString& dataset, const QString& folder);
  /// Makes the image folder `path` the data set ("" keeps the previous choice).
  void setImageFolder(const QString& path);

  /// Called when a run starts / ends: locks the form (it shows the running run's settings), switches
  /// Start/Stop. While a run trains, "Set up the next run" unlocks the form for the next one.
  void setRunning(bool running);
  bool isRunning() const { return m_running; }
  /// The runs waiting for the current one to end, in words ({} hides the queue).
  void setQueue(const QStringList& runs);
  void setRunFolder(const QString& folder);
  void setProgress(qint64 step, qint64 totalSteps, int epoch, int epochs, double samplesPerSecond,
                   double elapsedSeconds, double etaSeconds);
  /// The held-out measures after an epoch, in the order of the chosen model's heldOut names.
  void addEvaluation(int epoch, qint64 step, const QVector<double>& values);
  /// The run reports that it waits (Pause) or trains again.
  void setPaused(bool paused);
  /// A followed run that has ended without finishing (stopped, failed): no speed, nothing remaining.
  void setEnded();
  /// How a message reads: a problem (red) or information (the text's own colour).
  enum class Tone { Problem, Information };
  void setMessage(const QString& text, Tone tone = Tone::Problem);
  /// What runs beside or between the steps (the quality judge training, scoring), under the
  /// progress bar; "" hides it.
  void setWaiting(const QString& text);

  TrainingCurves* curves() const { return m_curves; }
  /// Each optimizer's gradient norm and learning rate, step by step.
  TrainingCurves* gradients() const { return m_gradients; }
  /// Diffusion runs: the held-out loss per timestep bucket, epoch by epoch.
  TimestepLossChart* timestepChart() const { return m_byTimestep; }
  QualityChart* quality() const { return m_quality; }
  /// Which of the charts that not every run has are shown (as tabs beside "This run").
  void showCharts(bool gradients, bool byTimestep, bool quality);
  /// The "Compare runs" tab beside this run's chart.
  RunCompareChart* comparison() const { return m_comparison; }
  QTabWidget* chartTabs() const { return m_chartTabs; }
  SampleStrip* samples() const { return m_samples; }

 Q_SIGNALS:
  void startRequested();
  void stopRequested();
  /// Pause (true) or Resume (false) was pressed.
  void pauseRequested(bool paused);
  /// "Follow a run folder…" was pressed.
  void followRequested();
  /// The user asked to drop the queued runs.
  void clearQueueRequested();
  /// The user picked "Image folder…": whoever owns the window asks which folder (setImageFolder).
  void imageFolderRequested();
  /// The user picked another model or dataset: the form wants that pair's defaults.
  void modelChanged(const QString& model);

 private:
  QGroupBox* buildModelAndData();
  QGroupBox* buildHyperparameters();
  QLayout* buildButtons();
  QGroupBox* buildProgress();
  QLayout* buildCharts();
  void showDatasetLocation();
  const DatasetChoice* currentDataset() const;
  void refillModels(const QString& keepId);
  /// The rows and titles of the chosen model; `clearEvaluation`: its held-out value too (another model).
  void showModelChoice(bool clearEvaluation = true);
  const ModelChoice* currentChoice() const;
  void lockForm(bool locked);

  QComboBox* m_model = nullptr;
  QComboBox* m_datasetCombo = nullptr;
  QWidget* m_folderOptions = nullptr;
  QLabel* m_folderLabel = nullptr;
  QComboBox* m_imageSize = nullptr;
  QComboBox* m_color = nullptr;
  QString m_imageFolder;
  int m_previousDataset = 0;
  QHash<QString, QString> m_datasetFolders;
  QLabel* m_evalTitle = nullptr;
  QSpinBox* m_epochs = nullptr;
  QSpinBox* m_batch = nullptr;
  QDoubleSpinBox* m_lr = nullptr;
  ModelOptionRows* m_options = nullptr;
  QLineEdit* m_seed = nullptr;
  QSpinBox* m_threads = nullptr;
  QComboBox* m_device = nullptr;
  QComboBox* m_precision = nullptr;
  QLabel* m_precisionLabel = nullptr;
  QCheckBox* m_scoreSamples = nullptr;
  QLabel* m_dataset = nullptr;
  QPushButton* m_start = nullptr;
  QPushButton* m_stop = nullptr;
  QPushButton* m_pause = nullptr;
  QPushButton* m_follow = nullptr;
  RunCompareChart* m_comparison = nullptr;
  QTabWidget* m_chartTabs = nullptr;
  QPushButton* m_nextRun = nullptr;
  QLabel* m_queue = nullptr;
  QPushButton* m_clearQueue = nullptr;
  QVector<ModelChoice> m_choices;
  QVector<DatasetChoice> m_datasets;
  ModelChoice m_runChoice;  ///< the model of the run that trains (the form may show the next one)
  bool m_running = false;
  QProgressBar* m_progress = nullptr;
  QLabel* m_speed = nullptr;
  QLabel* m_elapsed = nullptr;
  QLabel* m_eta = nullptr;
  QLabel* m_waiting = nullptr;
  QLabel* m_eval = nullptr;
  QLabel* m_message = nullptr;
  QLabel* m_runFolder = nullptr;
  TrainingCurves* m_curves = nullptr;
  TrainingCurves* m_gradients = nullptr;
  TimestepLossChart* m_byTimestep = nullptr;
  QualityChart* m_quality = nullptr;
  SampleStrip* m_samples = nullptr;
};
