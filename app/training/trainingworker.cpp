// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingworker.h"

#include "datasetsplits.h"
#include "modelsession.h"
#include "registry.h"
#include "run.h"
#include "runfolder.h"
#include "runwriter.h"
#include "samplequality.h"
#include "systeminfo.h"

#include "dist/data_parallel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>
#include <deque>

TrainingWorker::TrainingWorker(TrainingSettings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)) {}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::run() {
  QString why;
  bool thrown = false;
  try {
    const Status trained = train();
    if (trained.ok())
      return;
    why = trained.error;
  } catch (const c10::Error& e) {  // LibTorch's checks (absurd options, a NaN loss): the model's boundary
    why = QString::fromStdString(e.what_without_backtrace());
    thrown = true;
  } catch (const std::exception& e) {
    why = QString::fromUtf8(e.what());
    thrown = true;
  }
  if (!m_writer && !thrown) {  // refused before anything was written: the reason as it is
    Q_EMIT failed(why);
    return;
  }
  // The run folder says what happened, and what of the run is still there.
  QString message = tr("Training failed: %1").arg(why);
  if (m_writer) {
    const qint64 saved = m_writer->savedStep();
    message += saved >= 0 ? tr("; the last checkpoint (step %1) is kept in %2").arg(saved).arg(m_writer->folder().path())
                          : tr("; nothing was saved before it");
    m_writer->markFailed(why);
  }
  Q_EMIT failed(message);
}

namespace {

// Settings of an existing run, for resuming it. `s.epochs` is the new total when larger.

// run.json's "dataset" object of a new run.
QJsonObject datasetJson(const TrainingSettings& s, const DatasetSplits& data) {
  const DataSet* set = DataSets::find(s.dataset);
  return {{QStringLiteral("name"), s.dataset},
          {QStringLiteral("classes"), QJsonArray::fromStringList(set ? set->classes : QStringList())},
          {QStringLiteral("folder"), s.dataFolder},
          {QStringLiteral("image_size"), qint64(data.train.height)},
          {QStringLiteral("channels"), data.channels},
          {QStringLiteral("skipped_files"), data.skipped},
          {QStringLiteral("skipped_examples"), QJsonArray::fromStringList(data.skippedFiles)},
          {QStringLiteral("note"), data.note},
          {QStringLiteral("train_count"), qint64(data.train.size())},
          {QStringLiteral("eval_count"), qint64(data.eval.size())}};
}

// What the family makes of the settings: its id, the device's name, the arithmetic and rate schedule
// it trains with, every one of its options (defaults where none was given).
void settle(TrainingSettings& s, const ModelFamily& family) {
  s.model = family.id;
  s.device = SystemInfo::deviceName(s.device);
  s.precision = TrainingSettings::resolvedPrecision(family, s.precision, s.device);
  if (!family.lrSchedule)
    s.lrSchedule = QStringLiteral("constant");
  else if (s.lrSchedule.isEmpty())
    s.lrSchedule = QString::fromLatin1(family.defaults.lrSchedule);
  s.options.complete(family.options);
}

// A resumed run's files: temporary files a crash left are removed, metrics.csv read, the
// checkpoint loaded into `model`.
Result<RunWriter> reopen(const Run& run, const ModelFamily& family, ModelSession& model, const QStringList& quality) {
  const RunFolder& folder = run.folder();
  const QDir dir(folder.path());
  for (const QString& stale : dir.entryList({QStringLiteral("*.tmp-*"), QStringLiteral("run.json.*"),
                                             QStringLiteral("metrics.csv.*")}, QDir::Files))
    QFile::remove(dir.filePath(stale));
  QByteArray metrics;
  if (QFileInfo::exists(folder.file(QStringLiteral("metrics.csv")))) {
    auto csv = folder.readFile(QStringLiteral("metrics.csv"), qint64(1) << 30);
    if (!csv.ok())
      return {{}, csv.error};
    metrics = std::move(csv.value);
  }
  const MetricsHeader header = MetricsHeader::of(family, model, quality, metrics);
  const Status loaded = model.load(folder.file(QStringLiteral("weights.safetensors")).toStdString(),
                                   folder.file(QStringLiteral("optimizer.safetensors")).toStdString());
  if (!loaded.ok())
    return {{}, QCoreApplication::translate("TrainingWorker", "Cannot resume %1: %2").arg(folder.path(), loaded.error)};
  return {RunWriter::resumed(family, folder, run.json(), metrics, model.stepsDone(), header), {}};
}

}  // namespace

Status settingsFromRun(const Run& run, TrainingSettings& s) {
  const QJsonObject& json = run.json();
  const QJsonObject training = json.value(QStringLiteral("training")).toObject();
  s.model = run.family().id;
  s.dataset = run.datasetName();
  s.resumedModel = run.model();
  auto options = OptionValues::ofRun(run.family().options, json);  // typed; older runs: where they kept them
  if (!options.ok())
    return {options.error};
  s.options = options.value;
  s.batchSize = training.value(QStringLiteral("batch_size")).toInt();
  s.learningRate = training.value(QStringLiteral("learning_rate")).toDouble();
  s.seed = training.value(QStringLiteral("seed")).toString().toULongLong();
  if (s.precision.isEmpty())
    s.precision = training.value(QStringLiteral("precision")).toString(QStringLiteral("fp32"));
  s.lrSchedule = training.value(QStringLiteral("lr_schedule")).toString(QStringLiteral("constant"));
  // A run of an older version did not record it: what the resume asks for.
  if (!s.scoreSamplesAsked)
    s.scoreSamples = training.value(QStringLiteral("score_samples")).toBool(s.scoreSamples);
  const QJsonObject dataset = run.dataset();
  if (s.dataFolder.isEmpty())
    s.dataFolder = dataset.value(QStringLiteral("folder")).toString();
  s.imageSize = dataset.value(QStringLiteral("image_size")).toInt(28);
  s.rgb = dataset.value(QStringLiteral("channels")).toInt(1) == 3;
  const int planned = training.value(QStringLiteral("epochs")).toInt();
  const int done = json.value(QStringLiteral("epochs_done")).toInt();
  s.epochs = std::max(s.epochs, planned);
  if (done >= s.epochs)
    return {QCoreApplication::translate("TrainingWorker",
                                        "the run has already trained %1 of %2 epochs; ask for more epochs to continue")
                .arg(done).arg(planned)};
  return {};
}

Status TrainingWorker::train() {
  TrainingSettings s = m_settings;
  Run resumed;
  if (!s.resumeFolder.isEmpty()) {
    auto opened = Run::open(s.resumeFolder);
    if (!opened.ok())
      return {opened.error};
    if (const Status read = settingsFromRun(opened.value, s); !read.ok())
      return read;
    resumed = std::move(opened.value);
    s.runFolder = resumed.folder().path();
  }
  if (const Status valid = s.validate(); !valid.ok())
    return valid;
  SystemInfo::setThreads(s.threads);
  auto loaded = DatasetSplits::load(s);
  if (!loaded.ok())
    return {loaded.error};
  const DatasetSplits data = std::move(loaded.value);

  const ModelFamily& family = *Registry::resolve(s.model, s.dataset);  // validate() checked it
  settle(s, family);
  std::unique_ptr<ModelSession> model = family.makeSession(s, data);
  model->setDevice(s.device.toStdString());
  std::unique_ptr<SampleQuality::LiveQuality> quality;
  if (s.scoreSamples && s.dataParallel) {
    // The other processes would wait in the next step's all-reduce while process 0 scores (and,
    // the first time, trains the classifier): not in a data-parallel run.
    s.scoreSamples = false;
    Q_EMIT note(tr("Samples are not scored while several processes train; score the run afterwards with "
                   "genlab-cli quality RUN."));
  }
  if (s.scoreSamples) {
    auto made = SampleQuality::LiveQuality::make(family, s, data, [this](const QString& text) { Q_EMIT note(text); });
    if (made.ok())
      quality = std::move(made.value);  // null: the measure does not apply to this family
    else
      Q_EMIT note(tr("The samples are not scored: %1").arg(made.error));
  }
  const QStringList qualityNames = quality ? quality->columns() : QStringList();
  auto writer = resumed.folder().isNull()
                    ? RunWriter::create(s, family, model->modelJson(), datasetJson(s, data),
                                        MetricsHeader::of(family, *model, qualityNames, {}))
                    : reopen(resumed, family, *model, qualityNames);
  if (!writer.ok())
    return {writer.error};
  if (const QString said = model->loadNote(); !said.isEmpty())
    Q_EMIT note(tr("Resumed from an older save: %1.").arg(said));
  if (s.dataParallel) {
    // After the checkpoint is read: every process starts from rank 0's weights, at one step.
    model->setDataParallel(s.dataParallel);
    const double steps = double(model->stepsDone()), ranks = s.dataParallel->world_size();
    if (s.dataParallel->all_reduce_sum(steps) != steps * ranks)
      return {tr("Training failed: %1").arg(tr("the processes of this run read checkpoints of different steps (this one: %1); "
                                               "every process must see the same run folder").arg(model->stepsDone()))};
  }
  if (const Status begun = writer.value.begin(s, s.options.json()); !begun.ok())
    return begun;
  m_writer = std::make_unique<RunWriter>(std::move(writer.value));
  Q_EMIT started(m_writer->folder().path(), model->stepsPerEpoch() * s.epochs, family.id);
  return trainLoop(s, family, *model, quality);
}

namespace {

// Samples per second and the time left, over the last second of steps.
class Speed {
 public:
  explicit Speed(qint64 step) { m_window.emplace_back(0, step); }
  void add(qint64 ms, qint64 step) { m_window.emplace_back(ms, step); }
  // Steps per second at `now` (ms of training time) for a run at `step`.
  double stepsPerSecond(qint64 now, qint64 step) {
    while (m_window.size() > 2 && now - m_window.front().first > 1000)
      m_window.pop_front();
    const double spanMs = double(now - m_window.front().first);
    return spanMs > 0 ? double(step - m_window.front().second) * 1000.0 / spanMs : 0;
  }

 private:
  std::deque<std::pair<qint64, qint64>> m_window;  // (ms, step)
};

}  // namespace

Status TrainingWorker::trainLoop(const TrainingSettings& s, const ModelFamily& family, ModelSession& model,
                                 std::unique_ptr<SampleQuality::LiveQuality>& quality) {
  RunWriter& writer = *m_writer;
  const qint64 totalSteps = model.stepsPerEpoch() * s.epochs;
  const int samplesEvery = std::max(1, s.epochs / 100);
  QElapsedTimer clock;
  clock.start();
  // Time spent paused or scoring samples is not training time (curves by wall time, samples/s);
  // the elapsed time shown counts scoring (the user waited for it), and the ETA adds it per epoch.
  qint64 pausedMs = 0;
  Scoring scoring;
  const auto activeMs = [&] { return clock.elapsed() - pausedMs - scoring.ms; };
  // The epochs whose samples are scored: sampled ones, every qualityEvery-th of them, and the last.
  const auto scoresEpoch = [&](qint64 e) {
    return e >= s.epochs || (e % samplesEvery == 0 && (e / samplesEvery) % std::max(1, family.qualityEvery) == 0);
  };
  const auto sampledEpochsLeft = [&] {
    int left = 0;
    for (int e = int(model.epoch()) + 1; e <= s.epochs; ++e)
      left += scoresEpoch(e);
    return left;
  };
  const auto wallSeconds = [&](qint64 ms) { return double(ms) / 1000.0; };
  QVector<double> lastEval;
  Q_EMIT decoderUpdated(model.snapshot());
  TrainingProgress report;
  report.totalSteps = totalSteps;
  report.epochs = s.epochs;
  Speed speed(model.stepsDone());
  qint64 lastReport = -kProgressIntervalMs, lastDecoder = 0;
  auto flushProgress = [&](qint64 now) {
    report.step = model.stepsDone();
    report.epoch = int(model.epoch());
    report.elapsedSeconds = wallSeconds(now + scoring.ms);
    const double stepsPerSec = speed.stepsPerSecond(now, report.step);
    report.samplesPerSecond = stepsPerSec * s.batchSize;
    report.etaSeconds = stepsPerSec > 0 ? double(totalSteps - report.step) / stepsPerSec : 0;
    if (scoring.epochs > 0)
      report.etaSeconds += wallSeconds(scoring.ms / scoring.epochs) * sampledEpochsLeft();
    if (report.waiting.isEmpty() && quality)
      report.waiting = quality->waitingFor();
    Q_EMIT progress(report);
    report.points = {};  // a new list: the one just sent may still be read on the GUI thread (TSan)
    report.waiting.clear();
    lastReport = now;
  };
  // Stop: in a data-parallel job every process stops at the same step when any was asked to.
  const auto stopNow = [&] {
    const bool asked = m_stop->load(std::memory_order_relaxed);
    return s.dataParallel ? s.dataParallel->all_reduce_sum(asked ? 1.0 : 0.0) > 0 : asked;
  };
  while (model.epoch() < s.epochs && (s.maxSteps <= 0 || model.stepsDone() < s.maxSteps) && !stopNow()) {
    if (m_pause->load(std::memory_order_relaxed)) {
      // Paused: saved as it stands (the user may close the lid), then wait without training.
      if (const Status saved = writer.save(model, wallSeconds(activeMs()), lastEval); !saved.ok())
        return saved;
      report.paused = true;
      flushProgress(activeMs());
      const qint64 pausedAt = clock.elapsed();
      while (m_pause->load(std::memory_order_relaxed) && !m_stop->load(std::memory_order_relaxed))
        QThread::msleep(20);
      pausedMs += clock.elapsed() - pausedAt;
      report.paused = false;
      flushProgress(activeMs());
      continue;  // the loop's conditions again (Stop while paused ends here)
    }
    const QVector<double> values = model.step();
    const QVector<double> optimizer = model.optimizerReadings();
    const qint64 now = activeMs();
    report.points.append({model.stepsDone(), values, optimizer});
    speed.add(now, model.stepsDone());
    const bool epochEnd = model.batchInEpoch() == 0;
    QVector<double> byTimestep;
    if (epochEnd && !family.heldOut.isEmpty()) {
      lastEval = model.evaluate();  // the held-out measures, then the loss by timestep
      byTimestep = lastEval.mid(family.heldOut.size());
      lastEval.resize(family.heldOut.size());
    }
    writer.addRow(model.stepsDone(), model.epoch(), writer.wallBefore() + wallSeconds(now), values,
                  epochEnd ? lastEval : QVector<double>(), optimizer, byTimestep);
    if (!epochEnd && s.saveEverySteps > 0 && model.stepsDone() % s.saveEverySteps == 0)
      if (const Status saved = writer.save(model, wallSeconds(now), lastEval); !saved.ok())
        return saved;
    if (epochEnd) {
      model.epochEnded();
      if (!lastEval.isEmpty())
        Q_EMIT evaluated({int(model.epoch()), model.stepsDone(), lastEval, byTimestep});
      // Samples and a checkpoint at most ~100 times a run (toy runs have hundreds of short epochs);
      // Stop and the end always save. Between the sampled epochs a better epoch is saved and kept too.
      Status ended;
      if (model.epoch() % samplesEvery == 0 || model.epoch() >= s.epochs)
        ended = endSampledEpoch(model, quality, lastEval, wallSeconds(now), model.epoch() >= s.epochs,
                                scoresEpoch(model.epoch()), scoring,
                                [&](const QString& text) {
                                  report.waiting = text;
                                  flushProgress(activeMs());
                                });
      else if (writer.improves(lastEval) && (ended = writer.save(model, wallSeconds(now), lastEval)).ok())
        ended = writer.keepBest(model, lastEval);
      if (!ended.ok())
        return ended;
    }
    if (now - lastReport >= kProgressIntervalMs)
      flushProgress(now);
    if (now - lastDecoder >= kDecoderIntervalMs) {
      Q_EMIT decoderUpdated(model.snapshot());
      lastDecoder = now;
    }
  }
  flushProgress(activeMs());
  const bool completed = model.epoch() >= s.epochs;
  if (const Status saved = writer.save(model, wallSeconds(activeMs()), lastEval, completed); !saved.ok())
    return saved;
  Q_EMIT decoderUpdated(model.snapshot());
  Q_EMIT finished(writer.folder().path(), completed);
  return {};
}

Status TrainingWorker::endSampledEpoch(ModelSession& model,
                                       std::unique_ptr<SampleQuality::LiveQuality>& quality,
                                       const QVector<double>& lastEval, double wallSeconds, bool last, bool scores,
                                       Scoring& scoring, const std::function<void(const QString&)>& say) {
  RunWriter& writer = *m_writer;
  // The same codes every time, so the grids show the model changing, not the draw.
  const QImage samples = model.samplesImage();
  if (const Status written = writer.writeSamples(samples, model.stepsDone()); !written.ok())
    return written;
  Q_EMIT samplesSaved(samples, model.stepsDone(), int(model.epoch()));
  if (const Status saved = writer.save(model, wallSeconds, lastEval); !saved.ok())
    return saved;
  if (writer.improves(lastEval))
    if (const Status kept = writer.keepBest(model, lastEval); !kept.ok())
      return kept;
  // The quality of the samples of the checkpoint just saved, into the last row's quality cells.
  // Scoring stops with the run (Stop, closing the window): the stop flag is asked between batches.
  const auto stopping = [this] { return m_stop->load(std::memory_order_relaxed); };
  if (!quality || !scores || stopping())
    return {};
  if (!last && !quality->waitingFor().isEmpty())
    return {};  // the judge is not ready: this epoch is not scored
  QElapsedTimer clock;
  clock.start();
  say(last && !quality->waitingFor().isEmpty() ? quality->waitingFor()
                                               : tr("Scoring the samples of epoch %1…").arg(model.epoch()));
  const auto result = quality->score(writer.folder().path(), model, stopping, last);
  scoring.ms += clock.elapsed();
  ++scoring.epochs;
  if (!result.ok()) {
    if (!stopping()) {  // once it fails (no classifier, a model that cannot sample), it would fail at every epoch
      Q_EMIT note(tr("The samples of epoch %1 could not be scored, and the rest of the run is not scored: %2")
                      .arg(model.epoch()).arg(result.error));
      quality.reset();
    }
    return {};
  }
  if (result.value.isEmpty())
    return {};  // not scored this time
  if (const Status written = writer.fillQuality(result.value); !written.ok())
    return written;
  Q_EMIT scored({int(model.epoch()), model.stepsDone(), result.value, {}});
  return {};
}
