// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingworker.h"

#include "datasetsplits.h"
#include "modelsession.h"
#include "registry.h"
#include "run.h"
#include "runfolder.h"
#include "samplequality.h"
#include "systeminfo.h"

#include "data/mnist_dataset.h"
#include "dist/data_parallel.h"

#include <QDateTime>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <cmath>
#include <cstdio>
#include <QThread>
#include <QDir>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <deque>
#include <unistd.h>

TrainingWorker::TrainingWorker(TrainingSettings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)) {}

void TrainingWorker::run() {
  QString why;
  try {
    train();
    return;
  } catch (const c10::Error& e) {
    why = QString::fromStdString(e.what_without_backtrace());
  } catch (const std::exception& e) {
    why = QString::fromUtf8(e.what());
  }
  // The run folder says what happened, and what of the run is still there.
  QString message = tr("Training failed: %1").arg(why);
  if (!m_runPath.isEmpty()) {
    message += m_savedStep >= 0 ? tr("; the last checkpoint (step %1) is kept in %2").arg(m_savedStep).arg(m_runPath)
                                : tr("; nothing was saved before it");
    QJsonObject json = m_runJson;
    json[QStringLiteral("status")] = QStringLiteral("failed");
    json[QStringLiteral("error")] = why;
    RunFolder(m_runPath).writeRunJson(json);  // best effort: the failure itself is reported either way
  }
  Q_EMIT failed(message);
}

namespace {

// Settings of an existing run, for resuming it. `s.epochs` is the new total when larger.
bool settingsFromRun(const Run& run, TrainingSettings& s, QString* error) {
  const QJsonObject& json = run.json();
  const QJsonObject model = run.model();
  const QJsonObject training = json.value(QStringLiteral("training")).toObject();
  s.model = run.family().id;
  s.dataset = run.datasetName();
  s.resumedModel = model;
  s.latentDim = model.value(QStringLiteral("latent_dim")).toInt(2);  // a diffusion model has none
  s.batchSize = training.value(QStringLiteral("batch_size")).toInt();
  s.learningRate = training.value(QStringLiteral("learning_rate")).toDouble();
  s.beta = training.value(QStringLiteral("beta")).toDouble(1.0);
  s.seed = training.value(QStringLiteral("seed")).toString().toULongLong();
  if (s.precision.isEmpty())
    s.precision = training.value(QStringLiteral("precision")).toString(QStringLiteral("fp32"));
  s.lrSchedule = training.value(QStringLiteral("lr_schedule")).toString(QStringLiteral("constant"));
  // A run of an older version did not record it: what the resume asks for.
  s.scoreSamples = training.value(QStringLiteral("score_samples")).toBool(s.scoreSamples);
  const QJsonObject dataset = run.dataset();
  if (s.dataFolder.isEmpty())
    s.dataFolder = dataset.value(QStringLiteral("folder")).toString();
  s.imageSize = dataset.value(QStringLiteral("image_size")).toInt(28);
  s.rgb = dataset.value(QStringLiteral("channels")).toInt(1) == 3;
  const int planned = training.value(QStringLiteral("epochs")).toInt();
  const int done = json.value(QStringLiteral("epochs_done")).toInt();
  s.epochs = std::max(s.epochs, planned);
  if (done >= s.epochs) {
    *error = QCoreApplication::translate("TrainingWorker",
                                         "the run has already trained %1 of %2 epochs; ask for more epochs to continue")
                 .arg(done).arg(planned);
    return false;
  }
  return true;
}

// A run folder's name, safe on every file system: the family and the data, in letters, digits and '-'.
QString folderName(const ModelFamily& family, const QString& dataset) {
  QString data = dataset;
  if (data.startsWith(QLatin1String("folder:")))
    data = QDir(data.mid(7)).dirName();
  else if (data.startsWith(QLatin1String("toy:")))
    data = data.mid(4);
  QString name = family.id + QLatin1Char('-') + data;
  for (QChar& c : name)
    if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_'))
      c = QLatin1Char('-');
  return name.left(80);
}

QJsonArray classNames(const QString& dataset) {
  QJsonArray out;
  for (const std::string& name : genlab::class_names(dataset.toStdString()))
    out.append(QString::fromStdString(name));
  return out;
}

// metrics.csv up to (and including) `step`: rows written after the checkpoint are dropped.
QByteArray metricsUpTo(const QByteArray& csv, qint64 step) {
  QByteArray out;
  const QList<QByteArray> lines = csv.split('\n');
  for (int i = 0; i < lines.size(); ++i) {
    if (lines[i].isEmpty())
      continue;
    bool isNumber = false;
    const qint64 rowStep = lines[i].left(lines[i].indexOf(',')).toLongLong(&isNumber);
    if (i == 0 || (isNumber && rowStep <= step))
      out += lines[i] + '\n';
  }
  return out;
}

// metrics.csv with `header`'s columns: a run written by an older version (fewer columns) gets
// empty cells where it has none, so the file reads as one table.
QByteArray metricsInColumns(const QByteArray& csv, const QByteArray& header) {
  const int end = csv.indexOf('\n');
  const QByteArray oldHeader = csv.left(end);
  if (end < 0 || oldHeader == header)
    return csv;
  const QList<QByteArray> from = oldHeader.split(','), to = header.split(',');
  QVector<int> source;
  for (const QByteArray& key : to)
    source << int(from.indexOf(key));
  QByteArray out = header + '\n';
  for (const QByteArray& line : csv.mid(end + 1).split('\n')) {
    if (line.isEmpty())
      continue;
    const QList<QByteArray> fields = line.split(',');
    for (int i = 0; i < source.size(); ++i) {
      if (i > 0)
        out += ',';
      if (source[i] >= 0 && source[i] < fields.size())
        out += fields[source[i]];
    }
    out += '\n';
  }
  return out;
}

}  // namespace

void TrainingWorker::train() {
  TrainingSettings s = m_settings;
  QString error;
  const bool resuming = !s.resumeFolder.isEmpty();
  RunFolder run;
  QJsonObject json;
  QByteArray metrics;
  double wallBefore = 0;
  if (resuming) {
    const auto opened = Run::open(s.resumeFolder);
    if (!opened.ok() || !settingsFromRun(opened.value, s, &error)) {
      Q_EMIT failed(opened.ok() ? error : opened.error);
      return;
    }
    run = opened.value.folder();
    json = opened.value.json();
    s.runFolder = run.path();
    // Temporary files of a write that a crash interrupted (the real files are intact).
    const QDir folder(run.path());
    for (const QString& stale : folder.entryList({QStringLiteral("*.tmp-*"), QStringLiteral("run.json.*"),
                                                   QStringLiteral("metrics.csv.*")}, QDir::Files))
      QFile::remove(folder.filePath(stale));
    wallBefore = json.value(QStringLiteral("wall_s")).toDouble();
    if (QFileInfo::exists(run.file(QStringLiteral("metrics.csv")))) {
      auto csv = run.readFile(QStringLiteral("metrics.csv"), qint64(1) << 30);
      if (!csv.ok()) {
        Q_EMIT failed(csv.error);
        return;
      }
      metrics = std::move(csv.value);
    }
  }
  if (const QString err = s.validate(); !err.isEmpty()) {
    Q_EMIT failed(err);
    return;
  }
  SystemInfo::setThreads(s.threads);

  const bool folderDataset = s.dataset.startsWith(QLatin1String("folder:"));
  auto loaded = DatasetSplits::load(s);
  if (!loaded.ok()) {
    Q_EMIT failed(loaded.error);
    return;
  }
  const DatasetSplits data = std::move(loaded.value);

  const ModelFamily& family = *Registry::resolve(s.model, s.dataset);  // validate() checked it
  s.model = family.id;
  s.device = SystemInfo::deviceName(s.device);
  s.precision = TrainingSettings::resolvedPrecision(family, s.precision, s.device);
  if (!family.lrSchedule)
    s.lrSchedule = QStringLiteral("constant");
  else if (s.lrSchedule.isEmpty())
    s.lrSchedule = QString::fromLatin1(family.defaults.lrSchedule);
  std::unique_ptr<ModelSession> model = family.makeSession(s, data);
  model->setDevice(s.device.toStdString());
  const QString kind = family.id;
  const qint64 totalSteps = model->stepsPerEpoch() * s.epochs;
  const QString weightsPath = QStringLiteral("weights.safetensors");
  const QString statePath = QStringLiteral("optimizer.safetensors");
  // metrics.csv's columns after step, epoch and wall_s: the losses of each step, the held-out
  // measures of each epoch, each optimizer's gradient norm and rate, the held-out loss per tenth
  // of the timesteps (diffusion), the sample quality of each sampled epoch (RunMetrics reads them).
  QStringList lossNames, heldOutNames, optimizerNames, timestepNames, qualityNames;
  for (const LossColumn& c : family.losses)
    lossNames << c.key;
  for (const LossColumn& c : family.heldOut)
    heldOutNames << QStringLiteral("eval_") + c.key;
  for (const QString& name : model->optimizerNames()) {
    const QString suffix = name.isEmpty() ? QString() : QLatin1Char('_') + name;
    optimizerNames << QStringLiteral("grad_norm") + suffix << QStringLiteral("lr") + suffix;
  }
  for (int b = 0; b < model->timestepBuckets(); ++b)
    timestepNames << QStringLiteral("eval_loss_t%1").arg(b);
  std::unique_ptr<SampleQuality::LiveQuality> quality;
  if (s.scoreSamples && s.dataParallel) {
    // The other processes would wait in the next step's all-reduce while process 0 scores (and,
    // the first time, trains the classifier): not in a data-parallel run.
    s.scoreSamples = false;
    Q_EMIT note(tr("Samples are not scored while several processes train; score the run afterwards with "
                   "genlab-cli quality RUN."));
  }
  if (s.scoreSamples) {
    QString why;
    quality = SampleQuality::LiveQuality::make(family, s, data, [this](const QString& text) { Q_EMIT note(text); }, &why);
    if (quality)
      qualityNames = quality->columns();
    else if (!why.isEmpty())
      Q_EMIT note(tr("The samples are not scored: %1").arg(why));
  }
  // Columns an earlier part of a resumed run wrote that this one does not (its quality, when the
  // samples are no longer scored): kept, empty from here on.
  QStringList keptNames;
  if (const int end = int(metrics.indexOf('\n')); resuming && end > 0)
    for (const QByteArray& key : metrics.left(end).split(',').mid(3))
      if (!(lossNames + heldOutNames + optimizerNames + timestepNames + qualityNames).contains(QString::fromUtf8(key)))
        keptNames << QString::fromUtf8(key);
  const QByteArray header =
      "step,epoch,wall_s," +
      (lossNames + heldOutNames + optimizerNames + timestepNames + keptNames + qualityNames).join(QLatin1Char(',')).toUtf8();

  if (resuming) {
    const std::string err = model->load(run.file(weightsPath).toStdString(), run.file(statePath).toStdString());
    if (!err.empty()) {
      Q_EMIT failed(tr("Cannot resume %1: %2").arg(run.path(), QString::fromStdString(err)));
      return;
    }
    metrics = metricsInColumns(metricsUpTo(metrics, model->stepsDone()), header);
  } else {
    const auto created = s.runFolder.isEmpty() ? RunFolder::create(s.runsFolder, folderName(family, s.dataset))
                                               : RunFolder::createAt(s.runFolder);
    if (!created.ok()) {
      Q_EMIT failed(created.error);
      return;
    }
    run = created.value;
    json = QJsonObject{
      {QStringLiteral("format"), 1},
      {QStringLiteral("created"), QDateTime::currentDateTime().toString(Qt::ISODate)},
      {QStringLiteral("model"), model->modelJson()},
      {QStringLiteral("dataset"), QJsonObject{{QStringLiteral("name"), s.dataset},
                                              {QStringLiteral("classes"), folderDataset ? QJsonArray() : classNames(s.dataset)},
                                              {QStringLiteral("folder"), s.dataFolder},
                                              {QStringLiteral("image_size"), qint64(data.train.height)},
                                              {QStringLiteral("channels"), data.channels},
                                              {QStringLiteral("skipped_files"), data.skipped},
                                              {QStringLiteral("skipped_examples"), QJsonArray::fromStringList(data.skippedFiles)},
                                              {QStringLiteral("note"), data.note},
                                              {QStringLiteral("train_count"), qint64(data.train.size())},
                                              {QStringLiteral("eval_count"), qint64(data.eval.size())}}},
      {QStringLiteral("device"), s.device},
      {QStringLiteral("versions"), QJsonObject{{QStringLiteral("genlab"), QStringLiteral(GENLAB_VERSION)},
                                               {QStringLiteral("libtorch"), SystemInfo::torchVersion()},
                                               {QStringLiteral("blas"), SystemInfo::blasName()}}},
    };
  }
  if (s.dataParallel) {
    // After the checkpoint is read: every process starts from rank 0's weights, at one step.
    model->setDataParallel(s.dataParallel);
    const double steps = double(model->stepsDone()), ranks = s.dataParallel->world_size();
    if (s.dataParallel->all_reduce_sum(steps) != steps * ranks)
      throw std::runtime_error(tr("the processes of this run read checkpoints of different steps (this one: %1); "
                                  "every process must see the same run folder").arg(model->stepsDone()).toStdString());
  }
  if (metrics.isEmpty())
    metrics = header + '\n';
  json[QStringLiteral("training")] = QJsonObject{{QStringLiteral("epochs"), s.epochs},
                                                 {QStringLiteral("batch_size"), s.batchSize},
                                                 {QStringLiteral("learning_rate"), s.learningRate},
                                                 {QStringLiteral("beta"), s.beta},
                                                 {QStringLiteral("optimizer"), QStringLiteral("adam")},
                                                 {QStringLiteral("seed"), QString::number(s.seed)},
                                                 {QStringLiteral("threads"), s.threads},
                                                 {QStringLiteral("precision"), s.precision},
                                                 {QStringLiteral("lr_schedule"), s.lrSchedule},
                                                 {QStringLiteral("score_samples"), s.scoreSamples}};
  json[QStringLiteral("device")] = s.device;  // this part's (a run may resume elsewhere)
  json[QStringLiteral("status")] = QStringLiteral("running");
  json.remove(QStringLiteral("error"));  // a resumed run that had failed
  if (const Status written = run.writeRunJson(json); !written.ok()) {
    Q_EMIT failed(written.error);
    return;
  }
  // The columns are known from the start (the Train page sets its charts up from them).
  if (const Status written = run.writeText(QStringLiteral("metrics.csv"), metrics); !written.ok()) {
    Q_EMIT failed(written.error);
    return;
  }
  m_runPath = run.path();
  m_runJson = json;
  m_savedStep = resuming ? model->stepsDone() : -1;
  Q_EMIT started(run.path(), totalSteps, family.id);

  const int samplesEvery = std::max(1, s.epochs / 100);
  QElapsedTimer clock;
  clock.start();
  // Time spent paused or scoring samples: not training time (curves by wall time, samples/s, ETA).
  qint64 asideMs = 0;
  const auto activeMs = [&] { return clock.elapsed() - asideMs; };
  QVector<double> lastEval;
  auto save = [&](bool final) {
    const std::string err =
        model->save(run.file(weightsPath).toStdString(), run.file(statePath).toStdString(), kind.toStdString());
    if (!err.empty())
      throw std::runtime_error(err);
    if (const Status written = run.writeText(QStringLiteral("metrics.csv"), metrics); !written.ok())
      throw std::runtime_error(written.error.toStdString());
    json[QStringLiteral("steps")] = qint64(model->stepsDone());
    json[QStringLiteral("epochs_done")] = qint64(model->epoch());
    json[QStringLiteral("wall_s")] = wallBefore + double(activeMs()) / 1000.0;
    if (lastEval.size() == family.heldOut.size()) {
      QJsonObject eval;
      for (int i = 0; i < lastEval.size(); ++i)
        eval.insert(family.heldOut[i].key, lastEval[i]);
      json[QStringLiteral("eval")] = eval;
    }
    if (const QJsonObject latent = model->latentJson(); !latent.isEmpty())
      json[QStringLiteral("latent")] = latent;
    if (final)
      json[QStringLiteral("status")] = model->epoch() >= s.epochs ? QStringLiteral("completed") : QStringLiteral("stopped");
    if (const Status written = run.writeRunJson(json); !written.ok())
      throw std::runtime_error(written.error.toStdString());
    m_runJson = json;
    m_savedStep = model->stepsDone();
  };

  // The weights of the epoch with the lowest held-out loss, kept beside the last (as seed 003's
  // script keeps its best model): a copy of the checkpoint just saved, then run.json says which.
  double best = json.value(QStringLiteral("best")).toObject().value(QStringLiteral("value")).toDouble(qInf());
  const auto improves = [&] {
    return family.keepsBest && !lastEval.isEmpty() && std::isfinite(lastEval.first()) && lastEval.first() < best;
  };
  auto keepIfBest = [&] {
    if (!improves())
      return;
    const QString link = run.file(QStringLiteral("best.safetensors.tmp-link")), target = run.file(QStringLiteral("best.safetensors"));
    QFile::remove(link);
    // weights.safetensors was just written (synced, renamed into place): a second name for the
    // same file costs nothing, and each save replaces weights.safetensors by a new file, so this
    // one stays as it is. POSIX rename then replaces the old best in one step. A copy where the
    // file system has no hard links.
    const QByteArray from = QFile::encodeName(run.file(weightsPath)), tmp = QFile::encodeName(link);
    const bool linked = ::link(from.constData(), tmp.constData()) == 0 || QFile::copy(run.file(weightsPath), link);
    if (!linked || std::rename(tmp.constData(), QFile::encodeName(target).constData()) != 0) {
      QFile::remove(link);
      throw std::runtime_error(QCoreApplication::translate("TrainingWorker", "could not keep the best weights in %1")
                                   .arg(run.path()).toStdString());
    }
    best = lastEval.first();
    json[QStringLiteral("best")] = QJsonObject{{QStringLiteral("step"), qint64(model->stepsDone())},
                                               {QStringLiteral("epoch"), qint64(model->epoch())},
                                               {QStringLiteral("measure"), family.heldOut.first().key},
                                               {QStringLiteral("value"), best},
                                               {QStringLiteral("file"), QStringLiteral("best.safetensors")}};
    if (const Status written = run.writeRunJson(json); !written.ok())
      throw std::runtime_error(written.error.toStdString());
    m_runJson = json;
  };

  // The quality of the samples of the checkpoint just saved, into the last row's quality cells.
  // Scoring stops with the run (Stop, closing the window): the stop flag is asked between batches.
  const auto stopping = [this] { return m_stop->load(std::memory_order_relaxed); };
  auto scoreSamples = [&] {
    if (stopping())
      return;
    const qint64 from = clock.elapsed();
    const auto result = quality->score(run.path(), *model, stopping);
    asideMs += clock.elapsed() - from;
    if (!result.ok()) {
      if (stopping())
        return;
      // Once it fails (no classifier, a model that cannot sample), it would fail at every epoch.
      Q_EMIT note(tr("The samples of epoch %1 could not be scored, and the rest of the run is not scored: %2")
                      .arg(model->epoch()).arg(result.error));
      quality.reset();
      return;
    }
    metrics.chop(qualityNames.size() + 1);
    for (double v : result.value)
      metrics += ',' + QByteArray::number(v, 'g', 8);
    metrics += '\n';
    if (const Status written = run.writeText(QStringLiteral("metrics.csv"), metrics); !written.ok())
      throw std::runtime_error(written.error.toStdString());
    Q_EMIT scored({int(model->epoch()), model->stepsDone(), result.value, {}});
  };

  Q_EMIT decoderUpdated(model->snapshot());
  TrainingProgress report;
  report.totalSteps = totalSteps;
  report.epochs = s.epochs;
  std::deque<std::pair<qint64, qint64>> window;  // (ms, step) over the last second, for samples/s
  qint64 lastReport = -kProgressIntervalMs, lastDecoder = 0;
  auto flushProgress = [&](qint64 now) {
    report.step = model->stepsDone();
    report.epoch = int(model->epoch());
    report.elapsedSeconds = double(now) / 1000.0;
    while (window.size() > 2 && now - window.front().first > 1000)
      window.pop_front();
    const double spanMs = double(now - window.front().first);
    const double stepsPerSec = spanMs > 0 ? double(report.step - window.front().second) * 1000.0 / spanMs : 0;
    report.samplesPerSecond = stepsPerSec * s.batchSize;
    report.etaSeconds = stepsPerSec > 0 ? double(totalSteps - report.step) / stepsPerSec : 0;
    Q_EMIT progress(report);
    report.points = {};  // a new list: the one just sent may still be read on the GUI thread (TSan)
    lastReport = now;
  };

  window.emplace_back(0, model->stepsDone());
  // Stop: in a data-parallel job every process stops at the same step when any was asked to.
  const auto stopNow = [&] {
    const bool asked = m_stop->load(std::memory_order_relaxed);
    return s.dataParallel ? s.dataParallel->all_reduce_sum(asked ? 1.0 : 0.0) > 0 : asked;
  };
  while (model->epoch() < s.epochs && (s.maxSteps <= 0 || model->stepsDone() < s.maxSteps) && !stopNow()) {
    if (m_pause->load(std::memory_order_relaxed)) {
      // Paused: saved as it stands (the user may close the lid), then wait without training.
      save(false);
      report.paused = true;
      flushProgress(activeMs());
      const qint64 pausedAt = clock.elapsed();
      while (m_pause->load(std::memory_order_relaxed) && !m_stop->load(std::memory_order_relaxed))
        QThread::msleep(20);
      asideMs += clock.elapsed() - pausedAt;
      report.paused = false;
      flushProgress(activeMs());
      continue;  // the loop's conditions again (Stop while paused ends here)
    }
    const QVector<double> values = model->step();
    const QVector<double> optimizer = model->optimizerReadings();
    const qint64 now = activeMs();
    report.points.append({model->stepsDone(), values, optimizer});
    const auto cells = [&metrics](const QVector<double>& v, qsizetype columns) {
      for (qsizetype i = 0; i < columns; ++i)
        metrics += i < v.size() ? ',' + QByteArray::number(v[i], 'g', 8) : QByteArray(",");
    };
    metrics += QByteArray::number(model->stepsDone()) + ',' + QByteArray::number(model->epoch()) + ',' +
               QByteArray::number(wallBefore + double(now) / 1000.0, 'f', 3);
    cells(values, lossNames.size());
    window.emplace_back(now, model->stepsDone());
    const bool epochEnd = model->batchInEpoch() == 0;
    QVector<double> byTimestep;
    if (epochEnd && !heldOutNames.isEmpty()) {
      lastEval = model->evaluate();  // the held-out measures, then the loss by timestep
      byTimestep = lastEval.mid(heldOutNames.size());
      lastEval.resize(heldOutNames.size());
      cells(lastEval, heldOutNames.size());
    } else {
      metrics += QByteArray(heldOutNames.size(), ',');
    }
    cells(optimizer, optimizerNames.size());
    if (byTimestep.isEmpty())
      metrics += QByteArray(timestepNames.size(), ',');
    else
      cells(byTimestep, timestepNames.size());
    metrics += QByteArray(keptNames.size(), ',');
    metrics += QByteArray(qualityNames.size(), ',');  // filled in below once the epoch's samples are scored
    metrics += '\n';
    if (!epochEnd && s.saveEverySteps > 0 && model->stepsDone() % s.saveEverySteps == 0)
      save(false);
    if (epochEnd) {
      model->epochEnded();
      if (!lastEval.isEmpty())
        Q_EMIT evaluated({int(model->epoch()), model->stepsDone(), lastEval, byTimestep});
      // Samples and a checkpoint at most ~100 times a run (toy runs have hundreds of short epochs);
      // Stop and the end always save.
      if (model->epoch() % samplesEvery == 0 || model->epoch() >= s.epochs) {
        // The same codes every time, so the grids show the model changing, not the draw.
        const QImage samples = model->samplesImage();
        QDir(run.path()).mkpath(QStringLiteral("samples"));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        samples.save(&buffer, "PNG");
        const Status written =
            run.writeText(QStringLiteral("samples/step-%1.png").arg(model->stepsDone(), 6, 10, QLatin1Char('0')), png);
        if (!written.ok())
          throw std::runtime_error(written.error.toStdString());
        Q_EMIT samplesSaved(samples, model->stepsDone(), int(model->epoch()));
        save(false);
        keepIfBest();
        if (quality)
          scoreSamples();
      } else if (improves()) {  // between the sampled epochs too: a better epoch is saved and kept
        save(false);
        keepIfBest();
      }
    }
    if (now - lastReport >= kProgressIntervalMs)
      flushProgress(now);
    if (now - lastDecoder >= kDecoderIntervalMs) {
      Q_EMIT decoderUpdated(model->snapshot());
      lastDecoder = now;
    }
  }
  flushProgress(activeMs());
  save(true);
  Q_EMIT decoderUpdated(model->snapshot());
  Q_EMIT finished(run.path(), model->epoch() >= s.epochs);
}
