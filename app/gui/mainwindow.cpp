// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "datalocations.h"
#include "diffusionpage.h"
#include "latentaxis.h"
#include "latentexplorer.h"
#include "runfolder.h"
#include "samplestrip.h"
#include "systeminfo.h"
#include "trainingcontroller.h"
#include "trainingcurves.h"
#include "trainingdashboard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QThreadPool>
#include <QPointer>
#include <QTimer>
#include <random>

namespace {

constexpr int kManifoldCells = 15;

// Training threads while the GUI is up: one core stays free for the event loop. Measured on
// 2 cores (bench/gui_responsiveness): 1 thread → longest stall ~21 ms; 2 threads → up to ~55 ms.
int defaultGuiThreads() { return std::max(1, QThread::idealThreadCount() - 1); }

// The decoded digits on an N×N grid over the two latent dimensions.
QImage renderManifold(const DecoderSnapshot& decoder, QPair<int, int> dims, std::vector<float> z) {
  const int n = kManifoldCells;
  QImage grid;
  QPainter painter;
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n; ++col) {
      // Cell centres at equal prior-mass steps, like the sliders; row 0 is the top (+z₂).
      z[size_t(dims.first)] = float(LatentAxis::fractionToLatent((col + 0.5) / n));
      if (z.size() > 1)
        z[size_t(dims.second)] = float(LatentAxis::fractionToLatent(1.0 - (row + 0.5) / n));
      const QImage cell = decoder.decode(decoder.codeAt(z));
      if (cell.isNull())
        return {};
      if (grid.isNull()) {  // grey or RGB, 28/32/64 px: as the decoder draws
        grid = QImage(n * cell.width(), n * cell.height(), cell.format());
        painter.begin(&grid);
      }
      painter.drawImage(col * cell.width(), row * cell.height(), cell);
    }
  }
  return grid;
}

// What the user reads for each loss the worker reports.
QString lossDisplayName(const QString& key) {
  if (key == QLatin1String("total"))
    return MainWindow::tr("total (−ELBO)");
  if (key == QLatin1String("recon"))
    return MainWindow::tr("reconstruction");
  if (key == QLatin1String("kl"))
    return MainWindow::tr("KL");
  if (key == QLatin1String("d_loss"))
    return MainWindow::tr("D loss");
  if (key == QLatin1String("g_loss"))
    return MainWindow::tr("G loss");
  if (key == QLatin1String("d_real"))
    return MainWindow::tr("D(x)");
  if (key == QLatin1String("d_fake"))
    return MainWindow::tr("D(G(z))");
  return key;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("GenLab"));
  m_training = new TrainingController(this);
  m_explore = new LatentExplorer(this);
  m_explore->setObjectName(QStringLiteral("explorePage"));
  m_dashboard = new TrainingDashboard(this);
  m_dashboard->setObjectName(QStringLiteral("trainPage"));
  m_dashboard->setMaxThreads(QThread::idealThreadCount());

  m_pages = new QTabWidget(this);
  m_pages->setObjectName(QStringLiteral("pages"));
  m_pages->setDocumentMode(true);
  m_pages->addTab(m_explore, tr("&Explore"));
  m_diffusion = new DiffusionPage(this);
  m_diffusion->setObjectName(QStringLiteral("diffusionPage"));
  m_pages->addTab(m_diffusion, tr("&Diffusion"));
  connect(m_diffusion, &DiffusionPage::openRunRequested, this, &MainWindow::openRunDialog);
  connect(m_diffusion, &DiffusionPage::trainToyRequested, this, [this] {
    TrainingFormValues v = m_dashboard->values();
    TrainingSettings d;
    d.useDefaultsOf(QStringLiteral("toy-diffusion"), QStringLiteral("toy:s-curve"));
    v.model = QStringLiteral("toy-diffusion");
    v.dataset = QStringLiteral("toy:s-curve");
    v.epochs = d.epochs;
    v.batchSize = d.batchSize;
    v.learningRate = d.learningRate;
    m_dashboard->setValues(v);
    m_pages->setCurrentWidget(m_dashboard);
    m_backToDiffusion = true;  // when it is trained, sample it where the user asked for it
    startTraining();
  });
  m_pages->addTab(m_dashboard, tr("&Train"));
  setCentralWidget(m_pages);

  m_systemLabel = new QLabel(this);
  m_systemLabel->setObjectName(QStringLiteral("systemLabel"));
  statusBar()->addPermanentWidget(m_systemLabel);

  m_manifoldTimer = new QTimer(this);
  m_manifoldTimer->setSingleShot(true);
  m_manifoldTimer->setInterval(400);  // the grid is 225 decodes (~4 ms): refresh it 2.5× a second while training
  connect(m_manifoldTimer, &QTimer::timeout, this, &MainWindow::redrawManifold);

  connect(m_explore, &LatentExplorer::latentChanged, this, [this] {
    redrawDigit();
    // The grid depends on the chosen dimensions and held values, not on the slider position.
    const auto dims = m_explore->dimensions();
    const std::vector<float> held = heldCode();
    if (dims != m_manifoldDims || held != m_manifoldHeld)
      redrawManifold();
  });
  connect(m_explore, &LatentExplorer::rerollRequested, this, [this] {
    ++m_rerollSeed;
    redrawDigit();
    redrawManifold();
  });
  connect(m_explore, &LatentExplorer::trainDefaultRequested, this, &MainWindow::trainDefault);
  connect(m_dashboard, &TrainingDashboard::startRequested, this, &MainWindow::startTraining);
  connect(m_dashboard, &TrainingDashboard::imageFolderRequested, this, [this] {
    m_dashboard->setImageFolder(QFileDialog::getExistingDirectory(
        this, tr("A folder of JPG/PNG images (sub-folders are searched too)"), QDir::homePath()));
  });
  connect(m_dashboard, &TrainingDashboard::modelChanged, this, [this](const QString& model) {
    TrainingSettings defaults;
    TrainingFormValues v = m_dashboard->values();
    defaults.useDefaultsOf(model, v.dataset);
    v.epochs = defaults.epochs;
    v.batchSize = defaults.batchSize;
    v.learningRate = defaults.learningRate;
    v.latentDim = defaults.latentDim;
    m_dashboard->setValues(v);
  });
  connect(m_dashboard, &TrainingDashboard::stopRequested, m_training, &TrainingController::stop);
  connect(m_training, &TrainingController::started, this, [this](const QString& folder, qint64, const QStringList& losses) {
    QStringList names;
    for (const QString& key : losses)
      names << lossDisplayName(key);
    const bool gan = losses.contains(QStringLiteral("d_loss"));
    const QString model = m_dashboard->values().model;
    const bool diffusion = model == QLatin1String("ddpm") || model == QLatin1String("toy-diffusion");
    m_dashboard->curves()->setSeries(names,
                                     gan         ? tr("loss (BCE) and probability")
                                     : diffusion ? tr("noise-prediction error (MSE per value)")
                                                 : QString(),
                                     !gan && !diffusion);
    m_currentRun = folder;
    m_currentKind = modelKind(m_dashboard->values().model, m_dashboard->values().dataset);
    m_dashboard->setRunFolder(folder);
    m_dashboard->samples()->showRunFolder(folder);  // a resumed run keeps its earlier samples
    rememberRun(folder);
  });
  connect(m_training, &TrainingController::samplesSaved, m_dashboard->samples(), &SampleStrip::addSamples);
  connect(m_training, &TrainingController::progress, this, &MainWindow::onProgress);
  connect(m_training, &TrainingController::evaluated, this, &MainWindow::onEvaluated);
  connect(m_training, &TrainingController::decoderUpdated, this, &MainWindow::setDecoder);
  connect(m_training, &TrainingController::finished, this, &MainWindow::onFinished);
  connect(m_training, &TrainingController::failed, this, &MainWindow::onFailed);

  buildMenus();
  loadPreferences();

  for (const QString& dataset : {QStringLiteral("mnist"), QStringLiteral("fashion-mnist")})
    m_dashboard->setDatasetLocation(dataset, DataLocations::folderFor(dataset));

  const QString last = QSettings().value(QStringLiteral("lastRun")).toString();
  QString error;
  if (!last.isEmpty() && !openRun(last, &error))
    statusBar()->showMessage(tr("Could not reopen the last model: %1").arg(error), 10000);
  resize(1280, 800);
}

MainWindow::~MainWindow() {
  QThreadPool::globalInstance()->waitForDone();  // a manifold render may still hold `this`
}

void MainWindow::openRunDialog() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a run folder"), RunFolder::defaultRunsFolder());
  if (!folder.isEmpty())
    openRunFromUser(folder);
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open run…"), this, &MainWindow::openRunDialog);
  open->setShortcut(QKeySequence::Open);
  m_recentMenu = file->addMenu(tr("Open &recent"));
  m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
  updateRecentMenu();
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  QMenu* view = menuBar()->addMenu(tr("&View"));
  const QString names[] = {tr("Explore"), tr("Diffusion"), tr("Train")};
  for (int i = 0; i < 3; ++i) {
    QAction* a = view->addAction(names[i], this, [this, i] { m_pages->setCurrentIndex(i); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
  }
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About GenLab"), this, [this] {
    QMessageBox::about(this, tr("About GenLab"),
                       tr("<b>GenLab %1</b><p>A workbench for seeing how generative models work.</p>"
                          "<p>LibTorch %2 · Qt %3</p>")
                           .arg(QStringLiteral(GENLAB_VERSION), SystemInfo::torchVersion(), QString::fromLatin1(qVersion())));
  });
}

void MainWindow::loadPreferences() {
  QSettings s;
  TrainingFormValues v;
  v.threads = defaultGuiThreads();
  v.epochs = s.value(QStringLiteral("train/epochs"), v.epochs).toInt();
  v.batchSize = s.value(QStringLiteral("train/batchSize"), v.batchSize).toInt();
  v.learningRate = s.value(QStringLiteral("train/learningRate"), v.learningRate).toDouble();
  v.latentDim = s.value(QStringLiteral("train/latentDim"), v.latentDim).toInt();
  v.seed = s.value(QStringLiteral("train/seed"), v.seed).toULongLong();
  v.threads = s.value(QStringLiteral("train/threads"), v.threads).toInt();
  v.model = s.value(QStringLiteral("train/model"), v.model).toString();
  v.dataset = s.value(QStringLiteral("train/dataset"), v.dataset).toString();
  m_dashboard->setValues(v);
  SystemInfo::setThreads(v.threads);
  m_systemLabel->setText(tr("Device: %1 · BLAS: %2 · Threads: %3")
                             .arg(SystemInfo::device(), SystemInfo::blasName()).arg(SystemInfo::threads()));
}

void MainWindow::savePreferences() const {
  QSettings s;
  const TrainingFormValues v = m_dashboard->values();
  s.setValue(QStringLiteral("train/epochs"), v.epochs);
  s.setValue(QStringLiteral("train/batchSize"), v.batchSize);
  s.setValue(QStringLiteral("train/learningRate"), v.learningRate);
  s.setValue(QStringLiteral("train/latentDim"), v.latentDim);
  s.setValue(QStringLiteral("train/seed"), v.seed);
  s.setValue(QStringLiteral("train/threads"), v.threads);
  s.setValue(QStringLiteral("train/model"), v.model);
  s.setValue(QStringLiteral("train/dataset"), v.dataset);
}

bool MainWindow::openRun(const QString& folder, QString* error) {
  const RunFolder run(folder);
  {
    QString jsonError;
    const QString kind =
        run.readRunJson(&jsonError).value(QStringLiteral("model")).toObject().value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("ddpm-unet") || kind == QLatin1String("toy-diffusion")) {
      // Diffusion runs have no latent code to explore: they open on the Diffusion page.
      if (!m_diffusion->openRun(folder, error))
        return false;
      m_currentRun = folder;
      m_currentKind = kind;
      rememberRun(folder);
      m_dashboard->samples()->showRunFolder(folder);
      return true;
    }
  }
  const DecoderSnapshot decoder = run.loadDecoder(error);
  if (decoder.isNull())
    return false;
  m_currentRun = folder;
  rememberRun(folder);
  QString jsonError;
  m_currentKind = run.readRunJson(&jsonError).value(QStringLiteral("model")).toObject().value(QStringLiteral("kind")).toString();
  setDecoder(decoder);
  return true;
}

void MainWindow::openRunFromUser(const QString& folder) {
  QString error;
  if (!openRun(folder, &error)) {
    QMessageBox::warning(this, tr("Cannot open run"), tr("%1 cannot be opened:\n%2").arg(folder, error));
    return;
  }
  if (m_diffusion->runFolder() == folder) {
    m_pages->setCurrentWidget(m_diffusion);
    m_diffusion->showReverse(true);
  } else {
    m_pages->setCurrentWidget(m_explore);
  }
}

void MainWindow::rememberRun(const QString& folder) {
  QSettings settings;
  QStringList recent = settings.value(QStringLiteral("recentRuns")).toStringList();
  recent.removeAll(folder);
  recent.prepend(folder);
  while (recent.size() > 8)
    recent.removeLast();
  settings.setValue(QStringLiteral("recentRuns"), recent);
  settings.setValue(QStringLiteral("lastRun"), folder);
  updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
  m_recentMenu->clear();
  const QStringList recent = QSettings().value(QStringLiteral("recentRuns")).toStringList();
  for (const QString& folder : recent)
    m_recentMenu->addAction(QDir(folder).dirName(), this, [this, folder] { openRunFromUser(folder); })->setToolTip(folder);
  m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::trainDefault() {
  TrainingFormValues defaults;
  defaults.threads = defaultGuiThreads();
  m_dashboard->setValues(defaults);
  startTraining();
}

void MainWindow::startTraining() {
  const TrainingFormValues v = m_dashboard->values();
  TrainingSettings s;
  s.model = v.model;
  s.dataset = v.dataset;
  s.imageSize = v.imageSize;
  s.rgb = v.rgb;
  s.dataFolder = v.dataset.startsWith(QLatin1String("folder:")) ? v.dataset.mid(7) : DataLocations::folderFor(v.dataset);
  s.runsFolder = RunFolder::defaultRunsFolder();
  s.epochs = v.epochs;
  s.batchSize = v.batchSize;
  s.learningRate = v.learningRate;
  s.beta = v.beta;
  s.latentDim = v.latentDim;
  s.seed = v.seed;
  s.threads = v.threads;
  if (s.dataFolder.isEmpty()) {
    onFailed(tr("The dataset '%1' was not found (looked in %2). Run scripts/setup.sh to install it.")
                 .arg(v.dataset, DataLocations::searchFolders().join(QStringLiteral(", "))));
    return;
  }
  if (const QString err = s.validate(); !err.isEmpty()) {
    onFailed(err);
    return;
  }
  savePreferences();
  m_dashboard->setRunning(true);
  m_dashboard->setMessage({});
  m_explore->setTrainingStatus(tr("Training started…"));
  if (!m_training->start(s)) {
    m_dashboard->setRunning(false);
    m_explore->setTrainingStatus({});
    return;
  }
  m_systemLabel->setText(tr("Device: %1 · BLAS: %2 · Threads: %3")
                             .arg(SystemInfo::device(), SystemInfo::blasName()).arg(s.threads));
}

void MainWindow::setDecoder(const DecoderSnapshot& decoder) {
  if (decoder.isNull())
    return;
  m_decoder = decoder;
  m_explore->setHasModel(true);
  m_explore->setLatentDim(decoder.latentDim());
  const bool toy = m_currentKind.startsWith(QLatin1String("toy-"));
  const bool autoencoder = m_currentKind == QLatin1String("ae-mlp") || m_currentKind == QLatin1String("toy-ae");
  const bool gan = m_currentKind == QLatin1String("dcgan") || m_currentKind == QLatin1String("toy-gan");
  QString notes;
  if (decoder.latentDim() > 2)
    notes += tr("; choose below which two dimensions the sliders move");
  if (autoencoder)
    notes += tr("; its codes are not drawn towards N(0, 1), so the sliders span the codes' mean ± 3 standard deviations");
  if (toy)
    notes += tr("; the red dot is the point it makes from the code, drawn over the held-out data (grey)");
  const QString model = gan ? (toy ? tr("Toy GAN generator (MLP)") : tr("DCGAN generator"))
                        : autoencoder ? (toy ? tr("Toy auto-encoder (MLP)") : tr("Auto-encoder"))
                        : toy         ? tr("Toy VAE (MLP, Gaussian likelihood)")
                        : m_currentKind == QLatin1String("vae-conv") ? tr("Conv VAE")
                                                                     : tr("VAE");
  m_explore->setModelDescription(tr("%1 with a %2-D latent code, after %3 training steps%4. Model: %5")
                                     .arg(model)
                                     .arg(decoder.latentDim()).arg(decoder.step()).arg(notes, m_currentRun));
  redrawDigit();
  if (!m_manifoldTimer->isActive())
    m_manifoldTimer->start();
}

std::vector<float> MainWindow::heldCode() const {
  // The dimensions the sliders do not move: 0, or a seeded draw from the prior (in σ units).
  std::vector<float> z(size_t(m_decoder.latentDim()), 0.f);
  if (m_explore->othersAtRandom()) {
    std::mt19937 rng(m_rerollSeed);
    std::normal_distribution<float> normal;
    for (float& v : z)
      v = normal(rng);
  }
  return z;
}

void MainWindow::redrawDigit() {
  if (m_decoder.isNull())
    return;
  std::vector<float> z = heldCode();
  const auto [dx, dy] = m_explore->dimensions();
  const QPointF p = m_explore->latent();
  z[size_t(dx)] = float(p.x());
  if (z.size() > 1)
    z[size_t(dy)] = float(p.y());
  m_explore->setDecodedImage(m_decoder.decode(m_decoder.codeAt(z)));
}

void MainWindow::redrawManifold() {
  if (m_decoder.isNull())
    return;
  if (m_manifoldBusy) {  // one render at a time; the newest decoder is drawn next
    m_manifoldAgain = true;
    return;
  }
  m_manifoldBusy = true;
  m_manifoldDims = m_explore->dimensions();
  m_manifoldHeld = heldCode();
  // 225 decodes take a few ms: done on a pool thread so that dragging never waits for them.
  // The snapshot is immutable and shared, so reading it there is safe.
  QThreadPool::globalInstance()->start([decoder = m_decoder, dims = m_manifoldDims, held = m_manifoldHeld,
                                        guard = QPointer<MainWindow>(this)] {
    const QImage grid = renderManifold(decoder, dims, held);
    QMetaObject::invokeMethod(qApp, [guard, grid] {
      if (!guard)
        return;
      guard->m_explore->setManifold(grid);
      guard->m_manifoldBusy = false;
      if (std::exchange(guard->m_manifoldAgain, false))
        guard->redrawManifold();
    });
  });
}

void MainWindow::onProgress(const TrainingProgress& pr) {
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
  m_dashboard->setProgress(pr.step, pr.totalSteps, pr.epoch, pr.epochs, pr.samplesPerSecond, pr.elapsedSeconds,
                           pr.etaSeconds);
  m_explore->setTrainingStatus(tr("Training: epoch %1 of %2, step %3 — the decoder below updates as it learns.")
                                   .arg(pr.epoch).arg(pr.epochs).arg(pr.step));
}

void MainWindow::onEvaluated(const EpochEvaluation& e) {
  m_dashboard->addEvaluation(e.epoch, e.step, e.total, e.recon, e.kl);
}

void MainWindow::onFinished(const QString& runFolder, bool completed) {
  m_dashboard->setRunning(false);
  if (m_currentKind == QLatin1String("ddpm-unet") || m_currentKind == QLatin1String("toy-diffusion")) {
    QString error;
    if (m_diffusion->openRun(runFolder, &error)) {
      m_diffusion->showReverse(true);
      if (m_backToDiffusion && completed)
        m_pages->setCurrentWidget(m_diffusion);
    }
  }
  m_backToDiffusion = false;
  m_explore->setTrainingStatus({});
  statusBar()->showMessage(completed ? tr("Training finished; the model is saved in %1").arg(runFolder)
                                     : tr("Training stopped; the model so far is saved in %1").arg(runFolder),
                           15000);
}

void MainWindow::onFailed(const QString& message) {
  m_dashboard->setRunning(false);
  m_dashboard->setMessage(message);
  m_explore->setTrainingStatus({});
  statusBar()->showMessage(message, 15000);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  savePreferences();
  // Stops the run after its current batch; the worker saves its weights before it returns.
  m_training->stopAndWait(5000);
  event->accept();
}
