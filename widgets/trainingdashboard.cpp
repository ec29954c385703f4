// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingdashboard.h"

#include "chartexport.h"
#include "runcomparechart.h"

#include "samplestrip.h"
#include "qualitychart.h"
#include "timesteplosschart.h"
#include "trainingcurves.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace {

QString duration(double seconds) {
  if (seconds < 0 || !std::isfinite(seconds))
    return QStringLiteral("–");
  const qint64 s = std::llround(seconds);
  return s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

namespace {

/// A column that scrolls vertically only: as wide as its content needs, as high as there is room.
class SettingsColumn final : public QScrollArea {
 public:
  explicit SettingsColumn(QWidget* parent) : QScrollArea(parent) {
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);  // no wider than sizeHint()
  }
  QSize minimumSizeHint() const override {
    const int content = widget() ? widget()->minimumSizeHint().width() : 0;
    return {content + verticalScrollBar()->sizeHint().width(), 160};
  }
  // At most 480 px wide unless the content needs more (a family's longer option rows, Chinese):
  // never narrower than the content, which would cut it on the right.
  QSize sizeHint() const override {
    const QSize content = widget() ? widget()->sizeHint() : QSize();
    const int least = minimumSizeHint().width();
    return {std::clamp(content.width() + verticalScrollBar()->sizeHint().width(), least, std::max(least, 480)),
            content.height()};
  }
};

}  // namespace

TrainingDashboard::TrainingDashboard(QWidget* parent) : QWidget(parent) {
  auto* left = new QVBoxLayout;
  left->addWidget(buildModelAndData());
  left->addWidget(buildHyperparameters());
  left->addLayout(buildButtons());
  m_queue = new QLabel(this);
  m_queue->setObjectName(QStringLiteral("queueLabel"));
  m_queue->setWordWrap(true);
  m_clearQueue = new QPushButton(tr("Clear the queue"), this);
  m_clearQueue->setObjectName(QStringLiteral("clearQueueButton"));
  connect(m_clearQueue, &QPushButton::clicked, this, &TrainingDashboard::clearQueueRequested);
  auto* queueRow = new QHBoxLayout;
  queueRow->addWidget(m_queue, 1);
  queueRow->addWidget(m_clearQueue);
  m_queue->hide();
  m_clearQueue->hide();
  left->addLayout(queueRow);
  m_message = new QLabel(this);
  m_message->setObjectName(QStringLiteral("messageLabel"));
  m_message->setWordWrap(true);
  m_message->hide();
  left->addWidget(m_message);
  left->addStretch(1);
  auto* leftBox = new QWidget(this);
  leftBox->setLayout(left);
  // The settings scroll up and down where the screen is short (a family with many options, Chinese
  // text, a 768-px laptop); never sideways.
  auto* settingsScroll = new SettingsColumn(this);
  settingsScroll->setObjectName(QStringLiteral("settingsScroll"));
  settingsScroll->setWidget(leftBox);

  auto* layout = new QHBoxLayout(this);
  layout->addWidget(settingsScroll);
  layout->addLayout(buildCharts(), 1);
  setRunFolder({});  // the charts' titles, without a run yet
  setValues({});
}

QGroupBox* TrainingDashboard::buildModelAndData() {
  auto* settings = new QGroupBox(tr("Model and data"), this);
  auto* form = new QFormLayout(settings);
  m_model = new QComboBox(settings);
  m_model->setObjectName(QStringLiteral("modelCombo"));
  form->addRow(tr("&Model:"), m_model);
  m_datasetCombo = new QComboBox(settings);
  m_datasetCombo->setObjectName(QStringLiteral("datasetCombo"));
  form->addRow(tr("D&ataset:"), m_datasetCombo);
  m_folderOptions = new QWidget(settings);
  auto* fo = new QHBoxLayout(m_folderOptions);
  fo->setContentsMargins(0, 0, 0, 0);
  m_imageSize = new QComboBox(m_folderOptions);
  m_imageSize->setObjectName(QStringLiteral("imageSizeCombo"));
  for (int size : {28, 32, 64})
    m_imageSize->addItem(tr("%1 × %1 px").arg(size), size);
  m_color = new QComboBox(m_folderOptions);
  m_color->setObjectName(QStringLiteral("colorCombo"));
  m_color->addItem(tr("grey"), false);
  m_color->addItem(tr("colour (RGB)"), true);
  fo->addWidget(m_imageSize);
  fo->addWidget(m_color);
  m_folderLabel = new QLabel(tr("Images:"), settings);
  form->addRow(m_folderLabel, m_folderOptions);
  m_folderOptions->setToolTip(tr("Each image is centre-cropped to a square and resized."));
  m_folderOptions->hide();
  m_folderLabel->hide();
  connect(m_datasetCombo, &QComboBox::activated, this, [this](int) {
    if (const DatasetChoice* d = currentDataset(); d && d->imageFolder)
      Q_EMIT imageFolderRequested();
    else
      m_previousDataset = m_datasetCombo->currentIndex();
  });
  m_dataset = new QLabel(settings);
  m_dataset->setObjectName(QStringLiteral("datasetLabel"));
  m_dataset->setWordWrap(true);
  m_dataset->setTextInteractionFlags(Qt::TextSelectableByMouse);
  form->addRow(QString(), m_dataset);
  connect(m_datasetCombo, &QComboBox::currentIndexChanged, this, [this] {
    showDatasetLocation();
    refillModels(values().model);  // points and images take different models
  });
  connect(m_model, &QComboBox::currentIndexChanged, this, &TrainingDashboard::showModelChoice);
  connect(m_model, &QComboBox::activated, this, [this] { Q_EMIT modelChanged(values().model); });
  // Points and images want different defaults (epochs, batch): the toy sets count as a model change.
  connect(m_datasetCombo, &QComboBox::activated, this, [this] { Q_EMIT modelChanged(values().model); });
  return settings;
}

QGroupBox* TrainingDashboard::buildHyperparameters() {
  auto* hyper = new QGroupBox(tr("Hyperparameters"), this);
  auto* hform = new QFormLayout(hyper);
  m_epochs = new QSpinBox(hyper);
  m_epochs->setObjectName(QStringLiteral("epochsSpin"));
  m_epochs->setRange(1, 10000);
  hform->addRow(tr("E&pochs:"), m_epochs);
  m_batch = new QSpinBox(hyper);
  m_batch->setObjectName(QStringLiteral("batchSpin"));
  m_batch->setRange(1, 8192);
  hform->addRow(tr("&Batch size:"), m_batch);
  m_lr = new QDoubleSpinBox(hyper);
  m_lr->setObjectName(QStringLiteral("learningRateSpin"));
  m_lr->setDecimals(5);
  m_lr->setRange(0.00001, 1.0);
  m_lr->setSingleStep(0.0001);
  hform->addRow(tr("&Learning rate (Adam):"), m_lr);
  // The chosen model's own options (β, the latent size, the pixel levels …) come here, from its declarations.
  m_options = new ModelOptionRows(hform, hform->rowCount(), hyper);
  m_seed = new QLineEdit(hyper);
  m_seed->setObjectName(QStringLiteral("seedEdit"));
  m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), m_seed));
  hform->addRow(tr("Seed:"), m_seed);
  m_threads = new QSpinBox(hyper);
  m_threads->setObjectName(QStringLiteral("threadsSpin"));
  m_threads->setRange(1, 1);
  m_threads->setToolTip(tr("LibTorch threads used by training. Leaving one core free keeps the window "
                            "responsive while it trains; using all cores trains faster but the window may stutter."));
  hform->addRow(tr("Threads:"), m_threads);
  m_device = new QComboBox(hyper);
  m_device->setObjectName(QStringLiteral("deviceCombo"));
  m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
  m_device->setToolTip(tr("Where the model trains: the CPU, or a GPU when GenLab's LibTorch was built with CUDA."));
  hform->addRow(tr("Device:"), m_device);
  m_precision = new QComboBox(hyper);
  m_precision->setObjectName(QStringLiteral("precisionCombo"));
  m_precision->addItem(tr("Automatic"), QString());
  m_precision->addItem(tr("bfloat16 (faster on CPUs with AVX512-BF16 or AMX)"), QStringLiteral("bf16"));
  m_precision->addItem(tr("float32"), QStringLiteral("fp32"));
  m_precision->setToolTip(tr("Arithmetic of the convolutions and matrix products. bfloat16 keeps the weights, norms "
                             "and losses in float32 and computes the rest with half the bits: several times faster "
                             "where the CPU has it, the same quality."));
  m_precisionLabel = new QLabel(tr("Arithmetic:"), hyper);
  m_precisionLabel->setBuddy(m_precision);
  hform->addRow(m_precisionLabel, m_precision);
  m_scoreSamples = new QCheckBox(tr("Score the samples"), hyper);
  m_scoreSamples->setObjectName(QStringLiteral("scoreSamplesCheck"));
  m_scoreSamples->setChecked(true);
  m_scoreSamples->setToolTip(tr("Fresh samples are judged after each epoch that saves samples (the Sample quality tab): "
                                "by a classifier GenLab trains once on the data set (about a minute the first time; kept "
                                "beside the data when that folder is writable), or, for 2-D points, by their distance to "
                                "the held-out points."));
  hform->addRow(QString(), m_scoreSamples);
  return hyper;
}

QLayout* TrainingDashboard::buildButtons() {
  m_start = new QPushButton(tr("&Start training"), this);
  m_start->setObjectName(QStringLiteral("startButton"));
  m_start->setDefault(true);
  m_stop = new QPushButton(tr("St&op"), this);
  m_stop->setObjectName(QStringLiteral("stopButton"));
  m_stop->setEnabled(false);
  m_pause = new QPushButton(tr("Pa&use"), this);
  m_pause->setObjectName(QStringLiteral("pauseButton"));
  m_pause->setCheckable(true);
  m_pause->setEnabled(false);
  m_pause->setToolTip(tr("Waits after the current batch with everything saved; Resume goes on exactly where it "
                         "paused, as if it never had."));
  connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
    m_pause->setText(paused ? tr("Res&ume") : tr("Pa&use"));
    Q_EMIT pauseRequested(paused);
  });
  m_nextRun = new QPushButton(tr("Set up the &next run"), this);
  m_nextRun->setObjectName(QStringLiteral("nextRunButton"));
  m_nextRun->setToolTip(tr("Unlocks the form while this run trains; Start then asks whether to stop this run "
                           "or queue the new one."));
  m_nextRun->hide();
  connect(m_start, &QPushButton::clicked, this, &TrainingDashboard::startRequested);
  connect(m_stop, &QPushButton::clicked, this, &TrainingDashboard::stopRequested);
  connect(m_nextRun, &QPushButton::clicked, this, [this] {
    lockForm(false);
    m_nextRun->setEnabled(false);
  });
  // Two rows: the five do not fit the form's width on a laptop (nor in Chinese).
  auto* buttons = new QGridLayout;
  buttons->addWidget(m_start, 0, 0);
  buttons->addWidget(m_pause, 0, 1);
  buttons->addWidget(m_stop, 0, 2);
  buttons->addWidget(m_nextRun, 1, 0, 1, 2);
  m_follow = new QPushButton(tr("Follo&w a run…"), this);
  m_follow->setObjectName(QStringLiteral("followRunButton"));
  m_follow->setToolTip(tr("Shows a run that trains elsewhere (genlab-cli, another machine writing to a shared "
                          "folder): its curves and samples update as its folder changes."));
  connect(m_follow, &QPushButton::clicked, this, &TrainingDashboard::followRequested);
  buttons->addWidget(m_follow, 1, 2);
  return buttons;
}

// Beside the charts, above them: the bar, then speed, elapsed and remaining in one row, the held-out
// value and the run folder under it: a few lines tall, so that the settings column stays within a
// laptop's height in every language.
QGroupBox* TrainingDashboard::buildProgress() {
  auto* status = new QGroupBox(tr("Progress"), this);
  auto* grid = new QGridLayout(status);
  m_progress = new QProgressBar(status);
  m_progress->setObjectName(QStringLiteral("progressBar"));
  m_progress->setRange(0, 1);
  m_progress->setValue(0);
  m_progress->setFormat(tr("epoch %1/%2").arg(0).arg(0));
  grid->addWidget(m_progress, 0, 0, 1, 7);
  m_waiting = new QLabel(status);
  m_waiting->setObjectName(QStringLiteral("waitingLabel"));
  m_waiting->setWordWrap(true);
  m_waiting->hide();
  grid->addWidget(m_waiting, 1, 0, 1, 7);
  const auto pair = [&](int column, const QString& title, const char* name) {
    auto* value = new QLabel(QStringLiteral("–"), status);
    value->setObjectName(QLatin1String(name));
    grid->addWidget(new QLabel(title, status), 2, column);
    grid->addWidget(value, 2, column + 1);
    return value;
  };
  m_speed = pair(0, tr("Speed:"), "speedLabel");
  m_elapsed = pair(2, tr("Elapsed:"), "elapsedLabel");
  m_eta = pair(4, tr("Remaining:"), "etaLabel");
  m_eval = new QLabel(QStringLiteral("–"), status);
  m_eval->setObjectName(QStringLiteral("evalLabel"));
  m_eval->setWordWrap(true);
  m_eval->setToolTip(tr("Measured on the held-out data (never trained on) after each epoch."));
  m_evalTitle = new QLabel(tr("Held-out −ELBO:"), status);
  grid->addWidget(m_evalTitle, 3, 0);
  grid->addWidget(m_eval, 3, 1, 1, 6);
  m_runFolder = new QLabel(status);
  m_runFolder->setObjectName(QStringLiteral("runFolderLabel"));
  m_runFolder->setWordWrap(true);
  m_runFolder->setTextInteractionFlags(Qt::TextSelectableByMouse);
  grid->addWidget(new QLabel(tr("Run folder:"), status), 4, 0);
  grid->addWidget(m_runFolder, 4, 1, 1, 6);
  grid->setColumnStretch(6, 1);
  grid->setHorizontalSpacing(12);
  return status;
}

QLayout* TrainingDashboard::buildCharts() {
  m_curves = new TrainingCurves(this);
  m_curves->setObjectName(QStringLiteral("lossCurves"));
  m_comparison = new RunCompareChart(this);
  m_comparison->setObjectName(QStringLiteral("runComparison"));
  m_chartTabs = new QTabWidget(this);
  m_chartTabs->setObjectName(QStringLiteral("chartTabs"));
  m_gradients = new TrainingCurves(this);
  m_gradients->setObjectName(QStringLiteral("gradientCurves"));
  m_gradients->setSeries({tr("gradient norm"), tr("learning rate")}, tr("gradient norm"), false);
  m_gradients->setRightAxis({1}, tr("learning rate"));
  m_gradients->setLogScale(true);
  m_byTimestep = new TimestepLossChart(this);
  m_byTimestep->setObjectName(QStringLiteral("timestepChart"));
  m_quality = new QualityChart(this);
  m_quality->setObjectName(QStringLiteral("qualityChart"));
  m_chartTabs->addTab(m_curves, tr("This run"));
  m_chartTabs->addTab(m_gradients, tr("Gradients"));
  m_chartTabs->addTab(m_byTimestep, tr("Loss by timestep"));
  m_chartTabs->addTab(m_quality, tr("Sample quality"));
  m_chartTabs->addTab(m_comparison, tr("Compare runs"));
  showCharts(true, false, false);
  m_samples = new SampleStrip(this);
  auto* right = new QVBoxLayout;
  right->addWidget(buildProgress());
  right->addWidget(m_chartTabs, 1);
  auto* samplesRow = new QHBoxLayout;
  samplesRow->addWidget(new QLabel(tr("Samples, saved as the run goes (samples/step-N.png in the run folder):"), this), 1);
  auto* saveSamples = new QPushButton(tr("Save the strip (PNG)…"), this);
  saveSamples->setObjectName(QStringLiteral("saveSamplesButton"));
  connect(saveSamples, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the samples"), QStringLiteral("samples.png"),
                                                      tr("PNG image (*.png)"));
    if (path.isEmpty())
      return;
    if (const Status saved = ChartExport::saveImage(m_samples->stripImage(), path); !saved.ok())
      QMessageBox::warning(this, tr("Save the samples"), saved.error);
    else
      ChartExport::confirmSaved(this, path);
  });
  samplesRow->addWidget(saveSamples);
  right->addLayout(samplesRow);
  right->addWidget(m_samples);
  return right;
}

TrainingFormValues TrainingDashboard::values() const {
  TrainingFormValues v;
  v.epochs = m_epochs->value();
  v.batchSize = m_batch->value();
  v.learningRate = m_lr->value();
  v.options = m_options->values();
  v.seed = m_seed->text().toULongLong();
  v.threads = m_threads->value();
  v.device = m_device->currentData().toString();
  v.precision = m_precision->currentData().toString();
  v.scoreSamples = m_scoreSamples->isChecked();
  v.model = m_model->currentData().toString();
  v.dataset = m_datasetCombo->currentData().toString();
  if (const DatasetChoice* d = currentDataset(); d && d->imageFolder)
    v.imageFolder = m_imageFolder;
  v.imageSize = m_imageSize->currentData().toInt();
  v.rgb = m_color->currentData().toBool();
  return v;
}

void TrainingDashboard::setValues(const TrainingFormValues& v) {
  m_epochs->setValue(v.epochs);
  m_batch->setValue(v.batchSize);
  m_lr->setValue(v.learningRate);
  m_seed->setText(QString::number(v.seed));
  m_threads->setValue(v.threads);
  m_device->setCurrentIndex(std::max(0, m_device->findData(v.device)));
  m_precision->setCurrentIndex(std::max(0, m_precision->findData(v.precision)));
  m_scoreSamples->setChecked(v.scoreSamples);
  const int dataset = m_datasetCombo->findData(v.dataset);
  const bool folder = !v.imageFolder.isEmpty();
  if (folder)
    setImageFolder(v.imageFolder);
  else if (dataset >= 0)
    m_datasetCombo->setCurrentIndex(dataset);
  refillModels(v.model);
  m_options->setValues(v.options);
  if (const int i = m_imageSize->findData(v.imageSize); i >= 0)
    m_imageSize->setCurrentIndex(i);
  m_color->setCurrentIndex(v.rgb ? 1 : 0);
  showModelChoice();
}

void TrainingDashboard::setModelChoices(const QVector<ModelChoice>& choices) {
  m_choices = choices;
  refillModels(values().model);
}

void TrainingDashboard::setDatasetChoices(const QVector<DatasetChoice>& choices) {
  const QString current = m_datasetCombo->currentData().toString();
  m_datasets = choices;
  {
    const QSignalBlocker block(m_datasetCombo);
    m_datasetCombo->clear();
    for (qsizetype i = 0; i < choices.size(); ++i) {
      if (i > 0 && choices[i].points != choices[i - 1].points)
        m_datasetCombo->insertSeparator(m_datasetCombo->count());  // images, a line, the point sets
      m_datasetCombo->addItem(choices[i].label, choices[i].id);
    }
  }
  m_datasetCombo->setCurrentIndex(std::max(0, m_datasetCombo->findData(current)));
  m_previousDataset = m_datasetCombo->currentIndex();
  showDatasetLocation();
  refillModels(values().model);
}

const DatasetChoice* TrainingDashboard::currentDataset() const {
  const QString id = m_datasetCombo->currentData().toString();
  for (const DatasetChoice& d : m_datasets)
    if (d.id == id)
      return &d;
  return nullptr;
}

const ModelChoice* TrainingDashboard::currentChoice() const {
  const QString id = m_model->currentData().toString();
  for (const ModelChoice& c : m_choices)
    if (c.id == id)
      return &c;
  return nullptr;
}

void TrainingDashboard::refillModels(const QString& keepId) {
  const bool points = currentDataset() && currentDataset()->points;
  QString option;
  for (const ModelChoice& c : m_choices)
    if (c.id == keepId)
      option = c.option;
  const QSignalBlocker block(m_model);
  m_model->clear();
  int keep = -1, sameOption = -1;
  for (const ModelChoice& c : m_choices) {
    if (c.points != points)
      continue;
    if (c.id == keepId)
      keep = m_model->count();
    if (c.option == option && sameOption < 0)
      sameOption = m_model->count();
    m_model->addItem(c.label, c.id);
    m_model->setItemData(m_model->count() - 1, c.tooltip, Qt::ToolTipRole);
  }
  m_model->setCurrentIndex(keep >= 0 ? keep : sameOption >= 0 ? sameOption : 0);
  showModelChoice();
}

void TrainingDashboard::setDatasetLocation(const QString& dataset, const QString& folder) {
  m_datasetFolders[dataset] = folder;
  showDatasetLocation();
}

void TrainingDashboard::setImageFolder(const QString& path) {
  if (path.isEmpty()) {  // cancelled: back to what was chosen before
    m_datasetCombo->setCurrentIndex(m_previousDataset);
    return;
  }
  m_imageFolder = path;
  int index = -1;
  for (const DatasetChoice& d : m_datasets)
    if (d.imageFolder && index < 0)
      index = m_datasetCombo->findData(d.id);
  if (index < 0)
    return;
  m_datasetCombo->setItemText(index, tr("Image folder: %1").arg(QDir(path).dirName()));
  m_datasetCombo->setCurrentIndex(index);
  m_previousDataset = index;
  showDatasetLocation();
}

void TrainingDashboard::showDatasetLocation() {
  const DatasetChoice* d = currentDataset();
  const bool folderChosen = d && d->imageFolder;
  m_folderOptions->setVisible(folderChosen);
  m_folderLabel->setVisible(folderChosen);
  if (!d) {
    m_dataset->clear();
  } else if (folderChosen) {
    m_dataset->setText(m_imageFolder.isEmpty() ? tr("No folder chosen.") : m_imageFolder);
  } else if (!d->note.isEmpty()) {
    m_dataset->setText(d->note);
  } else {
    const QString folder = m_datasetFolders.value(d->id);
    m_dataset->setText(folder.isEmpty() ? tr("Not found on this machine. %1").arg(d->howToGet) : folder);
  }
}

void TrainingDashboard::showModelChoice(bool clearEvaluation) {
  const ModelChoice* c = currentChoice();
  m_options->setOptions(c ? c->options : QVector<FormOption>());
  const bool precision = c && c->mixedPrecision;
  m_precision->setVisible(precision);
  m_precisionLabel->setVisible(precision);
  m_model->setToolTip(c ? c->tooltip : QString());
  if (m_running)
    c = &m_runChoice;  // the progress box speaks of the run that trains, not of the next one
  // Every family names a measure the same whether held out or not; this row says which.
  m_evalTitle->setText(c && !c->heldOut.isEmpty() ? tr("Held-out %1:").arg(c->heldOut.first()) : tr("Held-out:"));
  if (!m_running && clearEvaluation)
    m_eval->setText(QStringLiteral("–"));
}

void TrainingDashboard::setMaxThreads(int n) { m_threads->setMaximum(std::max(1, n)); }

void TrainingDashboard::setDevices(const QStringList& names, const QStringList& labels, const QString& noGpuReason) {
  const QString current = m_device->currentData().toString();
  m_device->clear();
  for (qsizetype i = 0; i < names.size(); ++i)
    m_device->addItem(i < labels.size() ? labels[i] : names[i], names[i]);
  if (!noGpuReason.isEmpty()) {
    m_device->addItem(tr("GPU (CUDA): not available"), QString());
    const int last = m_device->count() - 1;
    if (auto* model = qobject_cast<QStandardItemModel*>(m_device->model()))
      model->item(last)->setEnabled(false);
    m_device->setItemData(last, noGpuReason, Qt::ToolTipRole);
  }
  m_device->setCurrentIndex(std::max(0, m_device->findData(current)));
}

void TrainingDashboard::setAutomaticPrecision(const QString& meaning) {
  m_precision->setItemText(0, tr("Automatic: %1").arg(meaning));
}


void TrainingDashboard::lockForm(bool locked) {
  for (QWidget* w : std::initializer_list<QWidget*>{m_model, m_datasetCombo, m_imageSize, m_color, m_epochs, m_batch,
                                                   m_lr, m_seed, m_threads, m_device, m_precision, m_scoreSamples, m_start})
    w->setEnabled(!locked);
  m_options->setEnabled(!locked);
}

void TrainingDashboard::setRunning(bool running) {
  const bool starting = running && !m_running;  // again while running: just lock the form again
  m_running = running;
  lockForm(running);
  m_stop->setEnabled(running);
  m_pause->setEnabled(running);
  m_follow->setEnabled(!running);
  if (!running && m_eta->text() != tr("done"))
    m_eta->setText(QStringLiteral("–"));  // stopped: nothing remains to wait for
  if (!running) {
    const QSignalBlocker block(m_pause);
    m_pause->setChecked(false);
    m_pause->setText(tr("Pa&use"));
  }
  m_nextRun->setVisible(running);
  m_nextRun->setEnabled(running);
  if (starting) {
    m_runChoice = currentChoice() ? *currentChoice() : ModelChoice();
    m_message->hide();
    m_waiting->hide();
    m_eval->setText(QStringLiteral("–"));
    m_curves->clear();
    m_gradients->clear();
    m_byTimestep->clear();
    m_quality->clear();
  }
  showModelChoice(false);  // a run that ended keeps its last held-out value on show
}

void TrainingDashboard::setQueue(const QStringList& runs) {
  m_queue->setText(runs.isEmpty() ? QString() : tr("Queued: %1").arg(runs.join(QStringLiteral("; "))));
  m_queue->setVisible(!runs.isEmpty());
  m_clearQueue->setVisible(!runs.isEmpty());
}

void TrainingDashboard::setRunFolder(const QString& folder) {
  m_runFolder->setText(folder);
  // A saved chart names what it shows and whose it is.
  const QString run = QFileInfo(folder).fileName();
  const auto title = [&run](const QString& what) { return run.isEmpty() ? what : tr("%1 — %2").arg(what, run); };
  ChartExport::setTitle(m_curves->plot(), title(tr("Training curves")));
  ChartExport::setTitle(m_gradients->plot(), title(tr("Gradient norm and learning rate")));
  ChartExport::setTitle(m_byTimestep->plot(), title(tr("Loss by timestep")));
  ChartExport::setTitle(m_quality->plot(), title(tr("Sample quality")));
}

void TrainingDashboard::setProgress(qint64 step, qint64 totalSteps, int epoch, int epochs, double samplesPerSecond,
                                    double elapsedSeconds, double etaSeconds) {
  m_progress->setRange(0, int(std::max<qint64>(1, totalSteps)));
  m_progress->setValue(int(step));
  // The epoch under way (the held-out line beside it says "after epoch k" of the last one finished).
  const int shown = step >= totalSteps ? epochs : std::min(epochs, epoch + 1);
  m_progress->setFormat(tr("epoch %1/%2 · step %3/%4").arg(shown).arg(epochs).arg(step).arg(totalSteps));
  m_speed->setText(tr("%L1 samples/s").arg(samplesPerSecond, 0, 'f', 0));
  m_elapsed->setText(duration(elapsedSeconds));
  m_eta->setText(step >= totalSteps ? tr("done") : duration(etaSeconds));
}

void TrainingDashboard::setEnded() {
  m_speed->setText(QStringLiteral("–"));
  m_eta->setText(QStringLiteral("–"));
}

void TrainingDashboard::setPaused(bool paused) {
  if (paused) {
    m_speed->setText(tr("paused"));
    m_eta->setText(tr("paused"));
  }
}

void TrainingDashboard::addEvaluation(int epoch, qint64 step, const QVector<double>& values) {
  if (values.isEmpty())
    return;
  const ModelChoice* c = m_running ? &m_runChoice : currentChoice();
  auto number = [](double v) { return QString::number(v, 'f', std::abs(v) >= 10 ? 2 : 4); };
  QStringList rest;
  for (int i = 1; i < values.size(); ++i)
    rest << QStringLiteral("%1 %2").arg(c && i < c->heldOut.size() ? c->heldOut[i] : QString(), number(values[i]));
  const QString unit = c ? c->heldOutUnit : QString();
  m_eval->setText(rest.isEmpty() ? tr("%1 %2 after epoch %3").arg(number(values[0]), unit).arg(epoch)
                                 : tr("%1 %2 after epoch %3 (%4)")
                                       .arg(number(values[0]), unit).arg(epoch).arg(rest.join(QStringLiteral(", "))));
  m_curves->addEvaluation(double(step), values[0]);
}

void TrainingDashboard::showCharts(bool gradients, bool byTimestep, bool quality) {
  m_chartTabs->setTabVisible(m_chartTabs->indexOf(m_gradients), gradients);
  m_chartTabs->setTabVisible(m_chartTabs->indexOf(m_byTimestep), byTimestep);
  m_chartTabs->setTabVisible(m_chartTabs->indexOf(m_quality), quality);
}

void TrainingDashboard::setMessage(const QString& text, Tone tone) {
  m_message->setStyleSheet(tone == Tone::Problem ? QStringLiteral("color: #b00020;") : QString());
  m_message->setText(text);
  m_message->setVisible(!text.isEmpty());
}

void TrainingDashboard::setWaiting(const QString& text) {
  if (m_waiting->text() != text)
    m_waiting->setText(text);
  m_waiting->setVisible(!text.isEmpty());
}
