// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "datalocations.h"
#include "diffusionpage.h"
#include "getdigitsdialog.h"
#include "latentexplorer.h"
#include "explorepage.h"
#include "pixelpage.h"
#include "registry.h"
#include "runfolder.h"
#include "runinspection.h"
#include "runsdialog.h"
#include "systeminfo.h"
#include "trainpage.h"
#include "trainingdashboard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace {

/// A page's box in its scroll area. The page's square image views would like it as tall as it is
/// wide (height for width); passed up, the scroll area would make every page taller than the
/// window. Not passed up, the page fits the view and scrolls only below its minimum size.
class WithoutHeightForWidth final : public QVBoxLayout {
 public:
  explicit WithoutHeightForWidth(QWidget* parent) : QVBoxLayout(parent) { setContentsMargins(0, 0, 0, 0); }
  bool hasHeightForWidth() const override { return false; }
};

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("GenLab"));
  m_explore = new ExplorePage(this);
  m_explore->setObjectName(QStringLiteral("explorePage"));
  m_diffusion = new DiffusionPage(this);
  m_diffusion->setObjectName(QStringLiteral("diffusionPage"));
  m_pixels = new PixelPage(this);
  m_pixels->setObjectName(QStringLiteral("pixelPage"));
  m_train = new TrainPage(this);
  m_train->setObjectName(QStringLiteral("trainPage"));

  m_pages = new QTabWidget(this);
  m_pages->setObjectName(QStringLiteral("pages"));
  m_pages->setDocumentMode(true);
  // Each page at its full size on a 1280×800 screen (a test checks it); on a smaller one it
  // scrolls rather than being cut or widening the window past the screen.
  const auto scrollable = [this](QWidget* page) {
    auto* scroll = new QScrollArea(m_pages);
    scroll->setObjectName(QStringLiteral("pageScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* box = new QWidget(scroll);
    (new WithoutHeightForWidth(box))->addWidget(page);
    scroll->setWidget(box);
    return scroll;
  };
  m_pages->addTab(scrollable(m_explore), tr("&Explore"));
  m_pages->addTab(scrollable(m_diffusion), tr("&Diffusion"));
  m_pages->addTab(scrollable(m_pixels), tr("Pi&xel by pixel"));
  m_pages->addTab(scrollable(m_train), tr("&Train"));
  setCentralWidget(m_pages);

  m_systemLabel = new QLabel(this);
  m_systemLabel->setObjectName(QStringLiteral("systemLabel"));
  statusBar()->addPermanentWidget(m_systemLabel);

  connect(m_diffusion, &DiffusionPage::openRunRequested, this, &MainWindow::openRunDialog);
  connect(m_pixels, &PixelPage::openRunRequested, this, &MainWindow::openRunDialog);
  connect(m_diffusion, &DiffusionPage::trainToyRequested, this, &MainWindow::trainToyDiffusion);
  connect(m_explore, &ExplorePage::trainDefaultRequested, this, [this] {
    m_explore->setFollowTraining(true);  // asked for here: watch it learn here
    m_train->requestRun(m_train->defaultRun());
  });
  connect(m_explore, &ExplorePage::getDigitsRequested, this, &MainWindow::getDigits);
  connect(m_train, &TrainPage::runStarted, this, [this](const QString& folder, const ModelFamily* family) {
    m_explore->setTrainingRunning(true, tr("Training started…"));
    if (m_toyForDiffusion && family->diffusionTimeline && family->data == DataKind::Points) {
      m_toyForDiffusion = false;
      m_backToDiffusion = folder;
    }
    rememberRun(folder);
    showSystem(SystemInfo::threads());
  });
  connect(m_train, &TrainPage::progressText, this, [this](const QString& text) { m_explore->setTrainingRunning(true, text); });
  connect(m_train, &TrainPage::decoderUpdated, this,
          [this](const DecoderSnapshot& d, const QString& folder, const ModelFamily* family) {
            m_explore->showTrainingDecoder(d, folder, *family);
          });
  connect(m_train, &TrainPage::runEnded, this, &MainWindow::onRunEnded);
  connect(m_train, &TrainPage::message, this, [this](const QString& text) { statusBar()->showMessage(text, 15000); });

  buildMenus();
  m_train->loadPreferences();
  updateDigitsMissing();
  showSystem(SystemInfo::threads());

  const QString last = QSettings().value(QStringLiteral("lastRun")).toString();
  if (!last.isEmpty())
    if (const Status opened = openRun(last); !opened.ok())
      statusBar()->showMessage(tr("Could not reopen the last model: %1").arg(opened.error), 10000);
  // Where the window was and the page it showed when it was last closed.
  QSettings settings;
  if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
    resize(1280, 800);
  if (const int page = settings.value(QStringLiteral("window/page"), -1).toInt(); page >= 0 && page < m_pages->count())
    m_pages->setCurrentIndex(page);
}

MainWindow::~MainWindow() = default;

void MainWindow::followSystemLanguage() {
  auto* qt = new QTranslator(qApp);
  if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(qt);
  auto* genlab = new QTranslator(qApp);
  if (genlab->load(QLocale(), QStringLiteral("genlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(genlab);
}

TrainingController* MainWindow::training() const { return m_train->training(); }

DecoderSnapshot MainWindow::decoder() const { return m_explore->decoder(); }

QString MainWindow::threadsText(int threads) { return threads == 1 ? tr("1 thread") : tr("%1 threads").arg(threads); }

void MainWindow::showSystem(int threads) {
  m_systemLabel->setText(tr("%1 · %2, %3").arg(SystemInfo::device(), SystemInfo::blasName(true), threadsText(threads)));
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open run…"), this, &MainWindow::openRunDialog);
  open->setShortcut(QKeySequence::Open);
  m_recentMenu = file->addMenu(tr("Open &recent"));
  m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
  updateRecentMenu();
  QAction* runs = file->addAction(tr("R&uns…"), this, &MainWindow::showRuns);
  runs->setObjectName(QStringLiteral("runsAction"));
  runs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  file->addSeparator();
  file->addAction(tr("&Get the MNIST digits…"), this, &MainWindow::getDigits)->setObjectName(QStringLiteral("getDigitsAction"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  QMenu* view = menuBar()->addMenu(tr("&View"));
  const QString names[] = {tr("Explore"), tr("Diffusion"), tr("Pixel by pixel"), tr("Train")};
  for (int i = 0; i < 4; ++i) {
    QAction* a = view->addAction(names[i], this, [this, i] { m_pages->setCurrentIndex(i); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
  }
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
  keys->setObjectName(QStringLiteral("shortcutsAction"));
  keys->setShortcut(QKeySequence::HelpContents);
  help->addAction(tr("&About GenLab"), this, [this] {
    QMessageBox::about(this, tr("About GenLab"),
                       tr("<b>GenLab %1</b><p>A workbench for seeing how generative models work.</p>"
                          "<p>LibTorch %2 · Qt %3</p><p>%4 · %5, %6</p>")
                           .arg(QStringLiteral(GENLAB_VERSION), SystemInfo::torchVersion(), QString::fromLatin1(qVersion()),
                                SystemInfo::device(), SystemInfo::blasName(true), threadsText(SystemInfo::threads())));
  });
}

QVector<ShortcutList::Entry> MainWindow::shortcuts() const {
  QVector<ShortcutList::Entry> out;
  for (const QAction* menu : menuBar()->actions())
    if (menu->menu())
      for (const QAction* a : menu->menu()->actions())
        if (!a->shortcut().isEmpty())
          out.push_back({a->text(), a->shortcut()});
  return out;
}

void MainWindow::showShortcuts() {
  auto* list = new ShortcutList(shortcuts(), this);
  list->setAttribute(Qt::WA_DeleteOnClose);
  list->show();
}

void MainWindow::openRunDialog() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a run folder"), RunFolder::defaultRunsFolder());
  if (!folder.isEmpty())
    openRunFromUser(folder);
}

namespace {

// The page in tab `tab` (in its box, in its scroll area).
QWidget* pageIn(QWidget* tab) {
  const auto* scroll = qobject_cast<QScrollArea*>(tab);
  if (!scroll || !scroll->widget() || !scroll->widget()->layout() || !scroll->widget()->layout()->itemAt(0))
    return nullptr;
  return scroll->widget()->layout()->itemAt(0)->widget();
}

}  // namespace

void MainWindow::showPage(QWidget* page) {
  for (int i = 0; i < m_pages->count(); ++i)
    if (pageIn(m_pages->widget(i)) == page)
      m_pages->setCurrentIndex(i);
}

QWidget* MainWindow::currentPage() const { return pageIn(m_pages->currentWidget()); }

Status MainWindow::openRun(const QString& folder) {
  const ModelFamily* family = RunInspection::familyOf(folder);
  Status out;
  if (family && family->diffusionTimeline) {
    out = m_diffusion->openRun(folder);
  } else if (family && family->pixelByPixel) {
    out = m_pixels->openRun(folder);
  } else {
    out = m_explore->openRun(folder);  // also says what is wrong with an unknown or broken run
  }
  if (out.ok())
    rememberRun(folder);
  return out;
}

void MainWindow::openRunFromUser(const QString& folder) {
  if (const Status opened = openRun(folder); !opened.ok()) {
    QMessageBox::warning(this, tr("Cannot open run"), tr("%1 cannot be opened:\n%2").arg(folder, opened.error));
    return;
  }
  if (m_diffusion->runFolder() == folder) {
    showPage(m_diffusion);
    m_diffusion->showReverse(true);
  } else if (m_pixels->runFolder() == folder) {
    showPage(m_pixels);
  } else {
    showPage(m_explore);
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

void MainWindow::trainToyDiffusion() {
  const ModelFamily* family =
      Registry::firstWith([](const ModelFamily& f) { return f.diffusionTimeline && f.data == DataKind::Points; });
  if (!family)
    return;
  TrainingSettings s = m_train->defaultRun();
  s.dataset = DataSets::firstOf(DataKind::Points).id;  // the S-curve, which the button names
  s.useDefaultsOf(family->id, s.dataset);
  m_toyForDiffusion = true;  // when it is trained, sample it where the user asked for it
  m_train->requestRun(s);
  if (!m_train->isTraining() && m_train->queued().isEmpty())
    m_toyForDiffusion = false;  // cancelled or refused
}

void MainWindow::onRunEnded(const QString& folder, bool completed, const ModelFamily* family) {
  m_explore->setTrainingRunning(false);
  if (m_runs)
    m_runs->refresh();
  // Following was asked for that run: the next one replaces the explored model only when asked again.
  m_explore->setFollowTraining(false);
  // A diffusion run that just trained opens on the Diffusion page when the user asked for it there,
  // follows training, or has nothing open there yet; otherwise the page keeps what it shows.
  const bool asked = !folder.isEmpty() && folder == m_backToDiffusion;
  if (family && family->diffusionTimeline && !folder.isEmpty() &&
      (asked || m_explore->followsTraining() || m_diffusion->runFolder().isEmpty())) {
    if (m_diffusion->openRun(folder).ok()) {
      m_diffusion->showReverse(true);
      if (asked && completed)
        showPage(m_diffusion);
    }
  }
  if (asked)
    m_backToDiffusion.clear();
  // A pixel-by-pixel run that just trained opens on its page (which keeps a run it is writing with).
  if (family && family->pixelByPixel && !folder.isEmpty() && completed &&
      (m_pixels->runFolder().isEmpty() || m_explore->followsTraining()))
    (void)m_pixels->openRun(folder);  // best effort: a run it cannot open leaves the page as it was
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (m_train->isTraining()) {
    QMessageBox box(QMessageBox::Question, tr("A run is training"),
                    tr("A run is training. Stop it and close GenLab? Its weights and state are saved: File → Runs… "
                       "continues it later from where it stopped."),
                    QMessageBox::NoButton, this);
    QPushButton* stop = box.addButton(tr("&Stop and close"), QMessageBox::AcceptRole);
    stop->setObjectName(QStringLiteral("stopAndCloseButton"));
    QPushButton* keep = box.addButton(tr("&Keep training"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepTrainingButton"));
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() != stop) {
      event->ignore();
      return;
    }
  }
  m_train->savePreferences();
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/page"), m_pages->currentIndex());
  // Stops the run after its current batch; the worker saves its weights before it returns.
  m_train->stopAndWait(5000);
  event->accept();
}

RunsDialog* MainWindow::showRuns() {
  if (!m_runs) {
    m_runs = new RunsDialog({RunFolder::defaultRunsFolder()}, QSettings().value(QStringLiteral("recentRuns")).toStringList(), this);
    m_runs->setInUse([this](const QString& folder) -> QString {
      if (folder == QDir(m_train->runningFolder()).absolutePath() && m_train->isTraining())
        return tr("it is training");
      for (const QString& open : {m_explore->runFolder(), m_diffusion->runFolder(), m_pixels->runFolder()})
        if (!open.isEmpty() && QDir(open).absolutePath() == folder)
          return tr("it is open on a page (open another run there first)");
      return {};
    });
    connect(m_runs, &RunsDialog::openRequested, this, &MainWindow::openRunFromUser);
    connect(m_runs, &RunsDialog::continueRequested, this, [this](const QString& folder) {
      if (const Status continued = m_train->continueRun(folder); !continued.ok()) {
        QMessageBox::warning(m_runs, tr("Continue training"), continued.error);
        return;
      }
      showPage(m_train);
    });
    connect(m_runs, &RunsDialog::compareRequested, this, [this](const QString& folder) {
      if (const Status added = m_train->compareRun(folder); !added.ok()) {
        QMessageBox::warning(m_runs, tr("Compare runs"), added.error);
        return;
      }
      showPage(m_train);
    });
  }
  m_runs->refresh();
  m_runs->show();
  m_runs->raise();
  m_runs->activateWindow();
  return m_runs;
}

void MainWindow::getDigits() {
  auto* dialog = findChild<GetDigitsDialog*>();
  if (!dialog) {
    dialog = new GetDigitsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GetDigitsDialog::digitsReady, this, [this] {
      updateDigitsMissing();
      statusBar()->showMessage(tr("The MNIST digits are ready."), 10000);
    });
  }
  dialog->show();
  dialog->raise();
  dialog->activateWindow();
}

void MainWindow::updateDigitsMissing() {
  m_explore->explorer()->setDigitsMissing(DataLocations::mnistFolder().isEmpty());
  m_train->refreshDatasets();
}
