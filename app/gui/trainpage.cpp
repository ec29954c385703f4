// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainpage.h"

#include "runcomparechart.h"
#include "runfollower.h"

#include "datalocations.h"
#include "registry.h"
#include "runfolder.h"
#include "samplequality.h"
#include "samplestrip.h"
#include "systeminfo.h"
#include "run.h"
#include "trainingcontroller.h"
#include "trainingworker.h"
#include "trainingcurves.h"
#include "trainingdashboard.h"
#include "qualitychart.h"
#include "timesteplosschart.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QJsonArray>
#include <QJsonObject>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The form names a data set by its registry id and an image folder apart ("folder:PATH" is the
// registry's spelling, not the form's).
void setDataset(TrainingFormValues& v, const QString& name) {
  const DataSet* set = DataSets::find(name);
  v.dataset = set ? set->id : name;
  v.imageFolder = DataSets::folderOf(name);
}

QString datasetOf(const TrainingFormValues& v) {
  const DataSet* set = DataSets::find(v.dataset.isEmpty() ? DataSets::all().first()->id : v.dataset);
  if (set && set->source == DataSource::ImageFolder)
    return DataSets::folderNamed(v.imageFolder);
  return set ? set->id : v.dataset;
}

QVariantMap formOptionsOf(const OptionValues& values) { return values.json().toVariantMap(); }

// The form's values of the family's options, as the option declarations type them.
OptionValues optionValuesOf(const QVariantMap& form, const ModelFamily& family) {
  OptionValues out = OptionValues::defaultsOf(family.options);
  for (const FamilyOption& o : family.options)
    if (form.contains(o.key))
      out.set(o.key, o.type == FamilyOption::Type::Integer ? QJsonValue(form.value(o.key).toInt())
                                                           : QJsonValue::fromVariant(form.value(o.key)));
  return out;
}

// A family's option as a row of the Train page's form.
FormOption formOptionOf(const FamilyOption& o) {
  FormOption f;
  f.key = o.key;
  f.kind = o.type == FamilyOption::Type::Integer ? FormOption::Kind::Integer
           : o.type == FamilyOption::Type::Real  ? FormOption::Kind::Real
           : o.type == FamilyOption::Type::Flag  ? FormOption::Kind::Flag
                                                 : FormOption::Kind::Choice;
  f.label = o.displayLabel();
  f.tooltip = o.displayHelp();
  f.min = o.min;
  f.max = o.max;
  f.decimals = o.decimals;
  f.defaultValue = o.defaultValue.toVariant();
  for (const FamilyOption::Choice& c : o.choices)
    f.choices.append({QCoreApplication::translate("ModelFamily", c.label), c.value.toVariant()});
  return f;
}

TrainingFormValues formValuesOf(const TrainingSettings& s) {
  TrainingFormValues v;
  v.model = s.model;
  setDataset(v, s.dataset);
  v.imageSize = s.imageSize;
  v.rgb = s.rgb;
  v.epochs = s.epochs;
  v.batchSize = s.batchSize;
  v.learningRate = s.learningRate;
  v.options = formOptionsOf(s.options);
  v.seed = s.seed;
  v.threads = s.threads;
  v.device = SystemInfo::deviceName(s.device);
  v.precision = s.precision;
  v.scoreSamples = s.scoreSamples;
  return v;
}

// What the Train page offers, from the registry (widgets/ never sees a family).
QVector<ModelChoice> modelChoices() {
  QVector<ModelChoice> out;
  for (const ModelFamily* f : Registry::all()) {
    ModelChoice c;
    c.id = f->id;
    c.option = f->option;
    c.label = f->displayName();
    c.tooltip = f->displayDescription();
    c.points = f->data == DataKind::Points;
    c.mixedPrecision = f->mixedPrecision;
    for (const FamilyOption& o : f->options)
      if (o.shownInForm)
        c.options << formOptionOf(o);
    for (const LossColumn& col : f->heldOut)
      c.heldOut << col.displayLabel();
    c.heldOutUnit = f->heldOut.isEmpty() ? QString() : f->heldOut.first().displayUnit();
    out << c;
  }
  return out;
}

// What the Train page offers, from the data set registry (widgets/ never sees it).
QVector<DatasetChoice> datasetChoices() {
  QVector<DatasetChoice> out;
  for (const DataSet* d : DataSets::all()) {
    DatasetChoice c;
    c.id = d->id;
    c.label = d->displayLabel();
    c.points = d->kind == DataKind::Points;
    c.imageFolder = d->source == DataSource::ImageFolder;
    if (d->source == DataSource::Generated)
      c.note = TrainPage::tr("Generated: 10,000 training points and 2,000 held out, the same on every machine. "
                             "Small MLPs train on them in seconds; samples are drawn as a scatter plot.");
    c.howToGet = d->displayHowToGet();
    out << c;
  }
  return out;
}

// "MLP VAE … on mnist, 50 epochs": a queued run in words.
QString describe(const TrainingSettings& s) {
  const ModelFamily* f = Registry::resolve(s.model, s.dataset);
  return TrainPage::tr("%1 on %2, %3 epochs").arg(f ? f->displayName() : s.model, DataSets::shortName(s.dataset)).arg(s.epochs);
}

}  // namespace

TrainPage::TrainPage(QWidget* parent) : QWidget(parent) {
  m_training = new TrainingController(this);
  m_dashboard = new TrainingDashboard(this);
  m_dashboard->setObjectName(QStringLiteral("trainingDashboard"));
  m_dashboard->setMaxThreads(QThread::idealThreadCount());
  {
    const QStringList devices = SystemInfo::devices();
    QStringList labels;
    for (const QString& d : devices)
      labels << SystemInfo::deviceLabel(d);
    m_dashboard->setDevices(devices, labels, devices.size() > 1 ? QString() : SystemInfo::deviceCheck(QStringLiteral("cuda")).error);
  }
  m_dashboard->setAutomaticPrecision(SystemInfo::hasNativeBf16() ? tr("bfloat16 on this CPU") : tr("float32 on this CPU"));
  m_dashboard->setModelChoices(modelChoices());
  m_dashboard->setDatasetChoices(datasetChoices());
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_dashboard);

  connect(m_dashboard, &TrainingDashboard::startRequested, this, [this] {
    const auto s = formSettings();
    if (!s.ok()) {
      onFailed(s.error);
      return;
    }
    requestRun(s.value);
  });
  connect(m_dashboard, &TrainingDashboard::stopRequested, m_training, &TrainingController::stop);
  connect(m_dashboard, &TrainingDashboard::pauseRequested, m_training, &TrainingController::setPaused);
  m_follower = new RunFollower(this);
  connect(m_follower, &RunFollower::columnsChanged, this, &TrainPage::showFollowedColumns);
  connect(m_follower, &RunFollower::rowsAdded, this, &TrainPage::showFollowedRows);
  connect(m_follower, &RunFollower::rowCompleted, this, [this](const MetricsRow& row) {
    if (!row.quality.isEmpty())
      m_dashboard->quality()->addEpoch(row.epoch, row.quality);
  });
  connect(m_follower, &RunFollower::samplesAdded, this,
          [this](const QImage& image, qint64 step) { m_dashboard->samples()->addSamples(image, step); });
  connect(m_follower, &RunFollower::problem, this, [this](const QString& text) { m_dashboard->setMessage(text); });
  connect(m_follower, &RunFollower::statusChanged, this, [this](const QString& status) {
    if (status == QLatin1String("stopped") || status == QLatin1String("failed"))
      m_dashboard->setEnded();  // not "Remaining 24:02" for a run that no longer trains
    if (status == QLatin1String("completed"))
      m_dashboard->setMessage(tr("The run you follow has finished: %1").arg(m_follower->folder()), TrainingDashboard::Tone::Information);
    else if (status == QLatin1String("stopped"))
      m_dashboard->setMessage(tr("The run you follow was stopped (it can be resumed): %1").arg(m_follower->folder()),
                              TrainingDashboard::Tone::Information);
    else if (status == QLatin1String("failed"))
      m_dashboard->setMessage(tr("The run you follow failed: %1").arg(m_follower->folder()));
  });
  connect(m_dashboard->comparison(), &RunCompareChart::addRunRequested, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a run to compare"), RunFolder::defaultRunsFolder());
    if (folder.isEmpty())
      return;
    if (const Status added = compareRun(folder); !added.ok())
      QMessageBox::warning(this, tr("Compare runs"), added.error);
  });
  connect(m_dashboard->comparison(), &RunCompareChart::runRemoved, this, [this](int id) {
    if (RunFollower* f = m_compared.take(id))
      f->deleteLater();
  });
  connect(m_dashboard, &TrainingDashboard::followRequested, this, [this] {
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Follow a run folder"), followedRun().isEmpty() ? RunFolder::defaultRunsFolder() : followedRun());
    if (!folder.isEmpty())
      followRun(folder);
  });
  connect(m_dashboard, &TrainingDashboard::clearQueueRequested, this, [this] {
    m_queue.clear();
    showQueue();
  });
  connect(m_dashboard, &TrainingDashboard::imageFolderRequested, this, [this] {
    m_dashboard->setImageFolder(QFileDialog::getExistingDirectory(
        this, tr("A folder of JPG/PNG images (sub-folders are searched too)"), QDir::homePath()));
  });
  connect(m_dashboard, &TrainingDashboard::modelChanged, this, [this](const QString& model) {
    TrainingFormValues v = m_dashboard->values();
    TrainingSettings defaults;
    defaults.useDefaultsOf(model, datasetOf(v));
    v.model = defaults.model;
    v.epochs = defaults.epochs;
    v.batchSize = defaults.batchSize;
    v.learningRate = defaults.learningRate;
    v.options = formOptionsOf(defaults.options);
    m_dashboard->setValues(v);
  });
  connect(m_training, &TrainingController::started, this, &TrainPage::onStarted);
  connect(m_training, &TrainingController::samplesSaved, m_dashboard->samples(), &SampleStrip::addSamples);
  connect(m_training, &TrainingController::progress, this, &TrainPage::onProgress);
  connect(m_training, &TrainingController::evaluated, this, &TrainPage::onEvaluated);
  connect(m_training, &TrainingController::scored, this,
          [this](const EpochEvaluation& q) { m_dashboard->quality()->addEpoch(q.epoch, q.values); });
  connect(m_training, &TrainingController::note, this,
          [this](const QString& text) { m_dashboard->setMessage(text, TrainingDashboard::Tone::Information); });
  connect(m_training, &TrainingController::decoderUpdated, this, [this](const DecoderSnapshot& d) {
    if (m_runningFamily)
      Q_EMIT decoderUpdated(d, m_runningFolder, m_runningFamily);
  });
  connect(m_training, &TrainingController::finished, this, &TrainPage::onFinished);
  connect(m_training, &TrainingController::failed, this, &TrainPage::onFailed);

  refreshDatasets();
}

void TrainPage::refreshDatasets() {
  for (const DataSet* d : DataSets::all())
    if (d->source == DataSource::IdxFolder)
      m_dashboard->setDatasetLocation(d->id, DataLocations::folderFor(d->id));
}

TrainPage::~TrainPage() = default;

bool TrainPage::isTraining() const { return m_training->isRunning() || m_runningFamily; }

int TrainPage::guiThreads() {
  // Measured on 2 cores (bench/gui_responsiveness): 1 thread → longest stall ~21 ms; 2 → up to ~55 ms.
  return std::max(1, QThread::idealThreadCount() - 1);
}

QStringList TrainPage::queued() const {
  QStringList out;
  for (const TrainingSettings& s : m_queue)
    out << describe(s);
  return out;
}

Result<TrainingSettings> TrainPage::formSettings() const {
  Result<TrainingSettings> out;
  const TrainingFormValues v = m_dashboard->values();
  TrainingSettings& s = out.value;
  s.model = v.model;
  s.dataset = datasetOf(v);
  s.imageSize = v.imageSize;
  s.rgb = v.rgb;
  s.dataFolder = DataLocations::folderFor(s.dataset);
  s.runsFolder = RunFolder::defaultRunsFolder();
  s.epochs = v.epochs;
  s.batchSize = v.batchSize;
  s.learningRate = v.learningRate;
  s.seed = v.seed;
  s.threads = v.threads;
  s.device = v.device;
  s.precision = v.precision;
  s.scoreSamples = v.scoreSamples;
  if (const ModelFamily* family = Registry::resolve(s.model, s.dataset))
    s.options = optionValuesOf(v.options, *family);  // the rows the chosen model shows
  const DataSet* set = DataSets::find(s.dataset);
  if (s.dataFolder.isEmpty() && set && set->source == DataSource::IdxFolder)
    out.error = tr("The dataset '%1' was not found (looked in %2). %3")
                    .arg(s.dataset, DataLocations::searchFolders().join(QStringLiteral(", ")), DataLocations::howToGet(s.dataset));
  else
    out.error = s.validate().error;
  return out;
}

Status TrainPage::continueRun(const QString& folder) {
  auto opened = Run::open(folder);
  if (!opened.ok())
    return {opened.error};
  TrainingSettings s;
  s.resumeFolder = folder;
  s.runFolder = folder;
  s.threads = guiThreads();
  s.epochs = 0;  // the run's own
  if (Status read = settingsFromRun(opened.value, s); !read.ok())
    return read;
  if (Status valid = s.validate(); !valid.ok())
    return valid;
  requestRun(s);
  return {};
}

TrainingSettings TrainPage::defaultRun() const {
  TrainingSettings s;
  s.dataset = DataSets::firstOf(DataKind::Images).id;
  s.useDefaultsOf(Registry::all().first()->id, s.dataset);
  s.dataFolder = DataLocations::folderFor(s.dataset);
  s.runsFolder = RunFolder::defaultRunsFolder();
  s.threads = guiThreads();
  s.scoreSamples = true;
  return s;
}

void TrainPage::requestRun(const TrainingSettings& s) {
  if (const Status valid = s.validate(); !valid.ok()) {
    onFailed(valid.error);
    return;
  }
  if (!isTraining()) {
    startNow(s);
    return;
  }
  switch (askWhileTraining(s)) {
    case Answer::StopAndStart:
      m_queue.prepend(s);  // starts as soon as the running one has saved and ended
      m_training->stop();
      break;
    case Answer::Queue:
      m_queue.append(s);
      break;
    case Answer::Cancel:
      break;
  }
  showQueue();
  // The form goes back to what trains now.
  m_dashboard->setValues(formValuesOf(m_running));
  m_dashboard->setRunning(true);
}

TrainPage::Answer TrainPage::askWhileTraining(const TrainingSettings& next) {
  QMessageBox box(QMessageBox::Question, tr("A run is training"),
                  tr("%1 is training. Stop it (it saves what it has learned) and start %2, or queue %2 to start "
                     "when it ends?")
                      .arg(describe(m_running), describe(next)),
                  QMessageBox::NoButton, this);
  box.setObjectName(QStringLiteral("stopOrQueueBox"));
  QPushButton* stop = box.addButton(tr("&Stop it and start"), QMessageBox::DestructiveRole);
  stop->setObjectName(QStringLiteral("stopAndStartButton"));
  QPushButton* queue = box.addButton(tr("&Queue"), QMessageBox::AcceptRole);
  queue->setObjectName(QStringLiteral("queueButton"));
  QPushButton* cancel = box.addButton(QMessageBox::Cancel);
  cancel->setObjectName(QStringLiteral("cancelButton"));
  box.setDefaultButton(queue);
  box.exec();
  return box.clickedButton() == stop ? Answer::StopAndStart : box.clickedButton() == queue ? Answer::Queue : Answer::Cancel;
}

void TrainPage::startNow(const TrainingSettings& s) {
  m_follower->follow({});  // the chart is this run's now
  savePreferences();
  m_running = s;
  m_runningFamily = nullptr;
  m_runningFolder.clear();
  m_dashboard->setValues(formValuesOf(s));
  m_dashboard->setRunning(true);
  m_dashboard->setMessage({});
  if (const Status started = m_training->start(s); !started.ok()) {
    m_dashboard->setRunning(false);
    onFailed(started.error);
    return;
  }
  m_runningFamily = Registry::resolve(s.model, s.dataset);
  SystemInfo::setThreads(s.threads);
}

void TrainPage::startNextQueued() {
  if (m_queue.isEmpty())
    return;
  const TrainingSettings next = m_queue.takeFirst();
  showQueue();
  startNow(next);
}

void TrainPage::showQueue() { m_dashboard->setQueue(queued()); }

void TrainPage::onStarted(const QString& folder, qint64, const QString& familyId) {
  const ModelFamily* family = Registry::find(familyId);
  if (!family)
    return;
  m_runningFamily = family;
  m_runningFolder = folder;
  QStringList names;
  for (const LossColumn& c : family->losses)
    names << c.displayLabel();
  m_dashboard->curves()->setSeries(names, family->displayLossAxis(), !family->heldOut.isEmpty());
  m_dashboard->setRunFolder(folder);
  m_dashboard->samples()->showRunFolder(folder);  // a resumed run keeps its earlier samples
  const QJsonObject json = RunFolder(folder).readRunJson().value;
  const QJsonObject dataset = json.value(QStringLiteral("dataset")).toObject();
  setUpCharts(RunMetrics::readColumns(RunFolder(folder).file(QStringLiteral("metrics.csv"))).value,
              json.value(QStringLiteral("model")).toObject(), dataset);
  // An image folder with unreadable files, or more images than fit: say so while it trains.
  QStringList notes;
  if (const int skipped = dataset.value(QStringLiteral("skipped_files")).toInt(); skipped > 0)
    notes << tr("%n image file(s) could not be read and were skipped.", nullptr, skipped);
  if (const QString note = dataset.value(QStringLiteral("note")).toString(); !note.isEmpty())
    notes << note;
  if (!notes.isEmpty())
    m_dashboard->setMessage(notes.join(QLatin1Char(' ')), TrainingDashboard::Tone::Information);
  Q_EMIT runStarted(folder, family);
}

void TrainPage::onProgress(const TrainingProgress& pr) {
  QVector<double> steps;
  QVector<QVector<double>> values;
  steps.reserve(pr.points.size());
  for (const LossPoint& pt : pr.points) {
    steps.append(double(pt.step));
    values.resize(std::max(values.size(), pt.values.size()));
    for (int i = 0; i < pt.values.size(); ++i)
      values[i].append(pt.values[i]);
  }
  m_dashboard->curves()->addSteps(steps, values);
  QVector<QVector<double>> optimizer;
  for (const LossPoint& pt : pr.points) {
    optimizer.resize(std::max(optimizer.size(), pt.optimizer.size()));
    for (int i = 0; i < pt.optimizer.size(); ++i)
      optimizer[i].append(pt.optimizer[i]);
  }
  m_dashboard->gradients()->addSteps(steps, optimizer);
  m_dashboard->setProgress(pr.step, pr.totalSteps, pr.epoch, pr.epochs, pr.samplesPerSecond, pr.elapsedSeconds,
                           pr.etaSeconds);
  m_dashboard->setPaused(pr.paused);
  m_dashboard->setWaiting(pr.waiting);
  if (pr.paused)
    Q_EMIT progressText(tr("Paused at step %1 of epoch %2, saved: Resume goes on exactly from here.")
                            .arg(pr.step).arg(pr.epoch + 1));
  else
    Q_EMIT progressText(tr("Training: epoch %1 of %2, step %3 — the model below updates as it learns.")
                            .arg(std::min(pr.epochs, pr.epoch + 1)).arg(pr.epochs).arg(pr.step) +
                        (pr.waiting.isEmpty() ? QString() : QLatin1Char('\n') + pr.waiting));
}

void TrainPage::followRun(const QString& folder) {
  if (!folder.isEmpty() && isTraining()) {
    m_dashboard->setMessage(tr("A run trains here: its chart stays. Follow another run once it has ended."),
                            TrainingDashboard::Tone::Information);
    return;
  }
  m_dashboard->curves()->clear();
  m_dashboard->gradients()->clear();
  m_dashboard->timestepChart()->clear();
  m_dashboard->quality()->clear();
  m_dashboard->samples()->clear();
  m_dashboard->setRunFolder(folder);
  m_follower->follow(folder);
  if (!folder.isEmpty())
    m_dashboard->setMessage(tr("Following %1: its curves and samples appear here as its folder changes.").arg(folder),
                            TrainingDashboard::Tone::Information);
}

QString TrainPage::followedRun() const { return m_follower->folder(); }

Status TrainPage::compareRun(const QString& folder) {
  if (!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("metrics.csv"))))
    return {tr("%1 holds no metrics.csv: not a run folder, or its training has not saved yet").arg(folder)};
  RunCompareChart* chart = m_dashboard->comparison();
  const int id = chart->addRun(QDir(folder).dirName());
  auto* follower = new RunFollower(this);
  follower->setInterval(1000);  // several runs at once: once a second each
  follower->setFollowSamples(false);  // the chart shows curves only
  connect(follower, &RunFollower::problem, this,
          [this, folder](const QString& text) { m_dashboard->setMessage(tr("Compare runs, %1: %2").arg(folder, text)); });
  connect(follower, &RunFollower::columnsChanged, this, [chart, follower, id] {
    chart->setColumns(id, follower->lossLabels(), follower->heldOutLabels());
  });
  connect(follower, &RunFollower::rowsAdded, this, [chart, follower, id](const QVector<MetricsRow>& rows) {
    QVector<qint64> steps;
    QVector<int> epochs;
    QVector<double> seconds;
    QVector<QVector<double>> losses, heldOut;
    for (const MetricsRow& r : rows) {
      steps << r.step;
      epochs << r.epoch;
      seconds << r.wallSeconds;
      losses << r.losses;
      heldOut << r.heldOut;
    }
    chart->setStepsPerEpoch(id, follower->stepsPerEpoch());
    chart->addRows(id, steps, epochs, seconds, losses, heldOut);
  });
  m_compared.insert(id, follower);
  follower->follow(folder);
  m_dashboard->chartTabs()->setCurrentWidget(chart);
  return {};
}

void TrainPage::showFollowedColumns() {
  // The form shows the followed run's model, data and hyperparameters (the Held-out line its measures).
  const QJsonObject training = m_follower->training();
  const QString dataset = m_follower->dataset().value(QStringLiteral("name")).toString();
  if (const ModelFamily* family = Registry::find(m_follower->model().value(QStringLiteral("kind")).toString());
      family && !dataset.isEmpty()) {
    TrainingFormValues v = m_dashboard->values();
    v.model = family->id;
    setDataset(v, dataset);
    v.epochs = training.value(QStringLiteral("epochs")).toInt(v.epochs);
    v.batchSize = training.value(QStringLiteral("batch_size")).toInt(v.batchSize);
    v.learningRate = training.value(QStringLiteral("learning_rate")).toDouble(v.learningRate);
    v.seed = training.value(QStringLiteral("seed")).toString().toULongLong();
    // The family's options, typed, wherever the run's version kept them.
    v.options = formOptionsOf(m_follower->options());
    m_dashboard->setValues(v);
  }
  m_dashboard->curves()->setSeries(m_follower->lossLabels(), m_follower->axisLabel(), !m_follower->heldOutLabels().isEmpty());
  m_dashboard->samples()->clear();
  setUpCharts(m_follower->columns(), m_follower->model(), m_follower->dataset());
}

void TrainPage::setUpCharts(const MetricsColumns& columns, const QJsonObject& model, const QJsonObject& dataset) {
  QStringList optimizer;
  QList<int> rates;
  for (const QString& key : columns.optimizer) {
    if (MetricsColumns::isLearningRate(key))
      rates << int(optimizer.size());
    optimizer << MetricsColumns::optimizerLabel(key);
  }
  m_dashboard->gradients()->setSeries(optimizer, tr("gradient norm"), false);
  m_dashboard->gradients()->setRightAxis(rates, tr("learning rate"));
  const ModelFamily* family = Registry::find(model.value(QStringLiteral("kind")).toString());
  const int timesteps = family && family->noiseSchedule ? family->noiseSchedule(model).timesteps : 0;
  if (timesteps > 0)
    m_dashboard->timestepChart()->setTimesteps(timesteps);
  const QString note = family ? SampleQuality::LiveQuality::describe(*family, timesteps) : QString();
  if (columns.quality == QStringList{QStringLiteral("quality_mmd")}) {
    m_dashboard->quality()->showPoints(note);
  } else {
    // The class names run.json keeps (MNIST's digits, Fashion-MNIST's garments), else the numbers.
    const QJsonArray names = dataset.value(QStringLiteral("classes")).toArray();
    QStringList classes;
    for (const QString& key : columns.quality)
      if (key.startsWith(QLatin1String("quality_class_"))) {
        const int c = key.mid(14).toInt();
        classes << (c < names.size() ? names[c].toString() : QString::number(c));
      }
    m_dashboard->quality()->showImages(classes, note);
  }
  m_dashboard->showCharts(!columns.optimizer.isEmpty(), !columns.byTimestep.isEmpty(), !columns.quality.isEmpty());
}

void TrainPage::showFollowedRows(const QVector<MetricsRow>& rows) {
  QVector<double> steps;
  QVector<QVector<double>> values, optimizer;
  for (const MetricsRow& row : rows) {
    steps << double(row.step);
    values.resize(std::max(values.size(), row.losses.size()));
    for (int i = 0; i < row.losses.size(); ++i)
      values[i] << row.losses[i];
    optimizer.resize(std::max(optimizer.size(), row.optimizer.size()));
    for (int i = 0; i < row.optimizer.size(); ++i)
      optimizer[i] << row.optimizer[i];
    if (!row.heldOut.isEmpty())
      m_dashboard->addEvaluation(row.epoch, row.step, row.heldOut);
    if (!row.byTimestep.isEmpty())
      m_dashboard->timestepChart()->addEpoch(row.epoch, row.byTimestep);
    if (!row.quality.isEmpty())
      m_dashboard->quality()->addEpoch(row.epoch, row.quality);
  }
  m_dashboard->curves()->addSteps(steps, values);
  m_dashboard->gradients()->addSteps(steps, optimizer);
  if (!rows.isEmpty()) {
    // How far the followed run is, and its speed by its own training clock (the rows come in bursts).
    const int epochs = m_follower->training().value(QStringLiteral("epochs")).toInt();
    const int batch = m_follower->training().value(QStringLiteral("batch_size")).toInt();
    const MetricsRow &first = rows.first(), &last = rows.last();
    const qint64 total = std::max(m_follower->stepsPerEpoch() > 0 ? m_follower->stepsPerEpoch() * epochs : last.step, last.step);
    const double seconds = last.wallSeconds - first.wallSeconds;
    const double stepsPerSecond = seconds > 0 ? double(last.step - first.step) / seconds : 0;
    m_dashboard->setProgress(last.step, total, last.epoch, epochs, stepsPerSecond * batch, last.wallSeconds,
                             stepsPerSecond > 0 ? double(total - last.step) / stepsPerSecond : 0);
  }
}

void TrainPage::onEvaluated(const EpochEvaluation& e) {
  m_dashboard->addEvaluation(e.epoch, e.step, e.values);
  m_dashboard->timestepChart()->addEpoch(e.epoch, e.byTimestep);
}

void TrainPage::onFinished(const QString& folder, bool completed) {
  const ModelFamily* family = m_runningFamily;
  m_runningFamily = nullptr;
  m_runningFolder.clear();
  m_dashboard->setRunning(false);
  m_dashboard->setValues(formValuesOf(m_running));
  Q_EMIT message(completed ? tr("Training finished; the model is saved in %1").arg(folder)
                           : tr("Training stopped; the model so far is saved in %1").arg(folder));
  Q_EMIT runEnded(folder, completed, family);
  startNextQueued();
}

void TrainPage::onFailed(const QString& text) {
  const bool wasTraining = m_runningFamily != nullptr;
  const ModelFamily* family = m_runningFamily;
  const QString folder = m_runningFolder;
  m_runningFamily = nullptr;
  m_runningFolder.clear();
  m_dashboard->setRunning(false);
  m_dashboard->setMessage(text);
  Q_EMIT message(text);
  if (wasTraining) {
    Q_EMIT runEnded(folder, false, family);
    startNextQueued();
  }
}

void TrainPage::loadPreferences() {
  QSettings s;
  TrainingFormValues v;
  v.threads = guiThreads();
  v.epochs = s.value(QStringLiteral("train/epochs"), v.epochs).toInt();
  v.batchSize = s.value(QStringLiteral("train/batchSize"), v.batchSize).toInt();
  v.learningRate = s.value(QStringLiteral("train/learningRate"), v.learningRate).toDouble();
  v.options = s.value(QStringLiteral("train/options")).toMap();
  v.seed = s.value(QStringLiteral("train/seed"), v.seed).toULongLong();
  v.threads = s.value(QStringLiteral("train/threads"), v.threads).toInt();
  v.device = s.value(QStringLiteral("train/device"), v.device).toString();  // one not here shows the CPU
  const QString dataset = s.value(QStringLiteral("train/dataset"), DataSets::all().first()->id).toString();
  setDataset(v, dataset);
  v.scoreSamples = s.value(QStringLiteral("train/scoreSamples"), v.scoreSamples).toBool();
  // Older versions stored the `--model` option, newer ones the family id; the registry maps either.
  const ModelFamily* f = Registry::resolve(s.value(QStringLiteral("train/model")).toString(), dataset);
  v.model = f ? f->id : QString();
  m_dashboard->setValues(v);
  SystemInfo::setThreads(v.threads);
}

void TrainPage::savePreferences() const {
  QSettings s;
  const TrainingFormValues v = m_dashboard->values();
  s.setValue(QStringLiteral("train/epochs"), v.epochs);
  s.setValue(QStringLiteral("train/batchSize"), v.batchSize);
  s.setValue(QStringLiteral("train/learningRate"), v.learningRate);
  s.setValue(QStringLiteral("train/options"), v.options);
  s.setValue(QStringLiteral("train/seed"), v.seed);
  s.setValue(QStringLiteral("train/threads"), v.threads);
  s.setValue(QStringLiteral("train/device"), v.device);
  s.setValue(QStringLiteral("train/model"), v.model);
  s.setValue(QStringLiteral("train/dataset"), datasetOf(v));
  s.setValue(QStringLiteral("train/scoreSamples"), v.scoreSamples);
}

bool TrainPage::stopAndWait(int ms) {
  m_queue.clear();
  return m_training->stopAndWait(ms);
}
