// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelfamily.h"

#include <QDateTime>
#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QVector>

class QTimer;

/// One line of a run's metrics.csv: the step, epochs done, training seconds, the family's losses
/// and, at the end of an epoch, its held-out measures (empty otherwise).
struct MetricsRow {
  qint64 step = 0;
  int epoch = 0;
  double wallSeconds = 0;
  QVector<double> losses;
  QVector<double> heldOut;     ///< empty, or one value per held-out column
  QVector<double> optimizer;   ///< each optimizer's gradient norm and learning rate (NaN where a run has none)
  QVector<double> byTimestep;  ///< empty, or the held-out loss per timestep bucket (diffusion)
  QVector<double> quality;     ///< empty, or the sample-quality measures of the epoch
};

/// What the columns of a metrics.csv after step, epoch and wall_s hold (TrainingWorker writes them).
struct MetricsColumns {
  QStringList losses;      ///< each step's losses
  QStringList heldOut;     ///< "eval_<key>": each epoch's held-out measures ("eval_" taken off)
  QStringList optimizer;   ///< "grad_norm[_<optimizer>]", "lr[_<optimizer>]"
  QStringList byTimestep;  ///< "eval_loss_t<bucket>"
  QStringList quality;     ///< "quality_frechet", "quality_confident", "quality_entropy", "quality_class_<i>"; or "quality_mmd"
  static MetricsColumns of(const QStringList& keys);
  /// "gradient norm (generator)", "learning rate" … for an optimizer column.
  static QString optimizerLabel(const QString& key);
  /// Whether an optimizer column holds a learning rate (else a gradient norm).
  static bool isLearningRate(const QString& key) { return !key.startsWith(QLatin1String("grad_norm")); }
  bool operator==(const MetricsColumns& o) const {
    return losses == o.losses && heldOut == o.heldOut && optimizer == o.optimizer && byTimestep == o.byTimestep &&
           quality == o.quality;
  }
};

/// What is in a run folder's metrics.csv, read whole (a file GenLab rewrites atomically).
struct RunMetrics {
  MetricsColumns columns;
  QVector<MetricsRow> rows;
  QByteArray header;   ///< the first line as read
  qint64 end = 0;      ///< bytes read up to the end of the last whole line
  qint64 lastLineStart = 0;  ///< where that last whole line starts
  /// Reads `path`; the error names the file and the line that is wrong. With `from` > 0 (an `end`
  /// of an earlier read), only the lines after that byte are read: a run's file grows by lines.
  static Result<RunMetrics> read(const QString& path, qint64 from = 0);
  /// The columns only (the first line).
  static Result<MetricsColumns> readColumns(const QString& path);
};

/// Follows a run folder while something else trains into it (the CLI, another machine writing to
/// a shared folder, the Train page itself): polls run.json, metrics.csv and samples/ and reports
/// what is new — the rows after the last one reported, each new sample grid — within a fraction
/// of a second of their write. No torch: it reads files only.
class RunFollower final : public QObject {
  Q_OBJECT
  Q_DISABLE_COPY_MOVE(RunFollower)

 public:
  explicit RunFollower(QObject* parent = nullptr);

  /// Starts following `folder` (reports what is already there at once); "" stops.
  void follow(const QString& folder);
  QString folder() const { return m_folder; }
  /// How often the folder is looked at (default 250 ms).
  void setInterval(int ms);
  /// Whether new sample grids are read and reported (default on).
  void setFollowSamples(bool follow) { m_followSamples = follow; }
  /// Looks now (the timer does this by itself).
  void poll();

  qint64 lastStep() const { return m_lastStep; }
  /// The family's names for the loss and held-out columns (labels in the user's words).
  QStringList lossLabels() const { return m_lossLabels; }
  QStringList heldOutLabels() const { return m_heldOutLabels; }
  /// The run's columns as metrics.csv names them.
  const MetricsColumns& columns() const { return m_columns; }
  /// run.json's "model" and "dataset" objects (the timesteps of a diffusion model, the class names).
  QJsonObject model() const { return m_model; }
  QJsonObject dataset() const { return m_dataset; }
  /// run.json's "training" object (epochs, batch size, learning rate …).
  QJsonObject training() const { return m_training; }
  /// The family's own options the run trains with (ModelFamily::options), typed.
  const OptionValues& options() const { return m_options; }
  QString axisLabel() const { return m_axisLabel; }
  /// Steps an epoch (0 until the first epoch has ended).
  qint64 stepsPerEpoch() const { return m_stepsPerEpoch; }

 Q_SIGNALS:
  /// The run's columns are known (or changed: another run in the folder); rows follow.
  void columnsChanged();
  void rowsAdded(const QVector<MetricsRow>& rows);
  /// The last row reported was written again with more in it: its epoch's sample quality.
  void rowCompleted(const MetricsRow& row);
  void samplesAdded(const QImage& image, qint64 step);
  /// run.json's status: "running", then "completed", "stopped" or "failed".
  void statusChanged(const QString& status);
  /// The folder cannot be read (yet): what is wrong.
  void problem(const QString& message);

 private:
  QTimer* m_timer = nullptr;
  QString m_folder;
  QDateTime m_metricsTime;
  qint64 m_metricsSize = -1;
  qint64 m_metricsEnd = 0;  ///< where the last read ended
  qint64 m_lastLineStart = 0;  ///< where the next read starts: the last row reported, which may be completed
  MetricsRow m_lastRow;
  QByteArray m_header;
  qint64 m_lastStep = 0;
  qint64 m_stepsPerEpoch = 0;
  MetricsColumns m_columns;
  bool m_columnsKnown = false;
  QJsonObject m_model, m_dataset, m_training;
  OptionValues m_options;
  QStringList m_lossLabels, m_heldOutLabels;
  QString m_axisLabel;
  QSet<QString> m_samplesSeen;
  QString m_status;
  QString m_problem;
  bool m_followSamples = true;
};
