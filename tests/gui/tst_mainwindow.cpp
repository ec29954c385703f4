// SPDX-License-Identifier: GPL-3.0-or-later
#include "datalocations.h"
#include "diffusionpage.h"
#include "digitsimport.h"
#include "getdigitsdialog.h"
#include "testdata.h"
#include "testdigits.h"
#include "testserver.h"
#include "digitview.h"
#include "latentaxis.h"
#include "latentexplorer.h"
#include "latentpad.h"
#include "explorepage.h"
#include "mainwindow.h"
#include "shortcutlist.h"
#include "trainpage.h"
#include "run.h"
#include "runfolder.h"
#include "trainedrun.h"
#include "forwardview.h"
#include "pointcloudview.h"
#include "reverseview.h"
#include "samplestrip.h"
#include "trainingcontroller.h"
#include "qualitychart.h"
#include "timesteplosschart.h"
#include "trainingcurves.h"
#include "layoutcheck.h"
#include "dialoganswer.h"
#include "runsdialog.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QScopeGuard>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTimer>
#include <QApplication>
#include "trainingdashboard.h"
#include <QPushButton>
#include <QRegularExpression>
#include <QAction>
#include <QSettings>
#include <QFile>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <qcustomplot.h>

// Digits, not the untrained decoder's grey: a 28×28 image with a dark background and a bright stroke.
// A family's curve name as the window shows it (in Chinese in the suite's zh_CN pass).
static QString family(const char* name) { return QCoreApplication::translate("ModelFamily", name); }

static bool looksLikeADigit(const QImage& decoded) {
  const QImage image = decoded.convertToFormat(QImage::Format_Grayscale8);
  int dark = 0, bright = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const int g = qGray(image.pixel(x, y));
      dark += g < 40;
      bright += g > 128;
    }
  return image.size() == QSize(28, 28) && bright >= 20 && dark >= 300;
}

class tst_MainWindow : public QObject {
  Q_OBJECT

  QTemporaryDir m_runs;


 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GenLabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("GenLabTest"));
  }
  void init() {
    QSettings().clear();
    // Scoring an MNIST run's samples may first train the classifier (a minute): only where a test looks at it.
    QSettings().setValue(QStringLiteral("train/scoreSamples"), false);
  }

  void opensWithFourPages() {
    MainWindow w;
    w.show();
    auto* pages = w.findChild<QTabWidget*>(QStringLiteral("pages"));
    QVERIFY(pages);
    QCOMPARE(pages->count(), 4);
    QCOMPARE(pages->tabText(0), QStringLiteral("&Explore"));
    QCOMPARE(pages->tabText(1), QStringLiteral("&Diffusion"));
    QCOMPARE(pages->tabText(2), QStringLiteral("Pi&xel by pixel"));
    QCOMPARE(pages->tabText(3), QStringLiteral("&Train"));
    // First launch: no model, and the offer to train one.
    auto* explore = w.explore()->explorer();
    QVERIFY(!explore->hasModel());
    QVERIFY(w.findChild<QPushButton*>(QStringLiteral("trainDefaultButton"))->isVisible());
    const QString system = w.findChild<QLabel*>(QStringLiteral("systemLabel"))->text();
    QVERIFY2(system.startsWith(QStringLiteral("CPU · ")) && system.contains(QStringLiteral("BLAS")) &&
                 system.contains(QRegularExpression(QStringLiteral(", (1 thread|\\d+ threads)$"))),
             qPrintable(system));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(pages->currentIndex(), 2);
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(pages->currentIndex(), 3);
  }

  // No digits on this computer: the Explore page offers to get them; the dialog downloads them from
  // the mirrors (a local server here), says what failed, and then the page offers to train.
  void getsTheDigitsWhenTheyAreMissing() {
    QTemporaryDir empty;
    const QByteArray dataDir = qgetenv("GENLAB_DATA_DIR");
    qputenv("GENLAB_DATA_DIR", empty.path().toUtf8());
    const auto restore = qScopeGuard([&] {
      qputenv("GENLAB_DATA_DIR", dataDir);
      qunsetenv("GENLAB_MNIST_SHA256SUMS");
      QDir(DataLocations::userDataFolder()).removeRecursively();
    });
    QDir(DataLocations::userDataFolder()).removeRecursively();
    const QList<QByteArray> bodies = TestDigits::makeDigits(200, 50, empty.path());
    const QList<DataFile> files = TestDigits::describe(bodies);
    QFile sums(empty.filePath(QStringLiteral("SHA256SUMS")));
    QVERIFY(sums.open(QIODevice::WriteOnly));
    sums.write(TestDigits::sha256Sums(files));
    sums.close();
    qputenv("GENLAB_MNIST_SHA256SUMS", sums.fileName().toUtf8());
    TestServer server;
    for (int i = 0; i < 4; ++i)
      server.serve(QStringLiteral("/good/") + files[i].name, bodies[i]);

    MainWindow w;
    w.show();
    auto* get = w.findChild<QPushButton*>(QStringLiteral("getDigitsButton"));
    auto* train = w.findChild<QPushButton*>(QStringLiteral("trainDefaultButton"));
    QVERIFY(get->isVisible());
    QVERIFY(!train->isEnabled());
    get->click();
    auto* dialog = w.findChild<GetDigitsDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(dialog->folder(), DigitsImport::userMnistFolder());
    auto* mirrors = dialog->findChild<QPlainTextEdit*>(QStringLiteral("mirrors"));
    auto* result = dialog->findChild<QLabel*>(QStringLiteral("getDigitsResult"));
    auto* download = dialog->findChild<QPushButton*>(QStringLiteral("downloadButton"));
    QCOMPARE(mirrors->toPlainText().split(QLatin1Char('\n')), MnistSource::defaultMirrors());

    mirrors->setPlainText(server.url(QStringLiteral("gone")));
    download->click();
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QLatin1String("HTTP 404")), 10000);
    QVERIFY(download->isEnabled());
    QVERIFY(get->isVisible());

    QSignalSpy ready(dialog, &GetDigitsDialog::digitsReady);
    mirrors->setPlainText(server.url(QStringLiteral("gone")) + QStringLiteral("\n\n") + server.url(QStringLiteral("good")));
    download->click();
    QVERIFY(ready.wait(10000));
    QVERIFY2(result->text().contains(QLatin1String("200 training and 50 held-out digits")), qPrintable(result->text()));
    QVERIFY(!get->isVisible());
    QVERIFY(train->isEnabled());
    QCOMPARE(DataLocations::mnistFolder(), QDir(DigitsImport::userMnistFolder()).absolutePath());
    QCOMPARE(MnistSource::mirrors(), (QStringList{server.url(QStringLiteral("gone")), server.url(QStringLiteral("good"))}));

    // An import runs off the GUI thread and replaces them; closing meanwhile waits for it.
    QSignalSpy again(dialog, &GetDigitsDialog::digitsReady);
    dialog->importFrom(empty.path() + QStringLiteral("/nothing-here.tgz"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->busy(), 10000);
    QVERIFY2(result->text().contains(QLatin1String("does not exist")), qPrintable(result->text()));
    QVERIFY(again.isEmpty());
    QVERIFY2(QFileInfo::exists(TestData::npmPackage()), "run scripts/setup.sh build first");
    dialog->importFrom(TestData::npmPackage());
    QVERIFY(dialog->busy());
    QVERIFY(!download->isEnabled());
    dialog->close();  // asked to close while importing
    QVERIFY(dialog->isVisible());
    QVERIFY(again.wait(30000));
    QVERIFY2(result->text().contains(QLocale().toString(9000)), qPrintable(result->text()));
    QPointer<GetDigitsDialog> closing(dialog);  // it may be deleted once closed
    QTRY_VERIFY(!closing || !closing->isVisible());
  }

  // The window opens where it was closed, on the page it showed; Help lists the keyboard shortcuts.
  void remembersWhereItWasAndListsShortcuts() {
    QSize was;
    {
      MainWindow w;
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      w.resize(w.width() + 37, w.height() + 23);  // not the size a first launch gets
      w.findChild<QTabWidget*>(QStringLiteral("pages"))->setCurrentIndex(3);
      QTest::qWait(50);
      was = w.size();
      w.close();
    }
    MainWindow again;
    QCOMPARE(again.findChild<QTabWidget*>(QStringLiteral("pages"))->currentIndex(), 3);
    QCOMPARE(again.size(), was);
    QVERIFY(was != QSize(1280, 800));

    const QStringList rows = [&] {
      QStringList out;
      for (const auto& e : again.shortcuts())
        out << e.command + QLatin1Char('=') + e.keys.toString(QKeySequence::PortableText);
      return out;
    }();
    QVERIFY2(rows.contains(QStringLiteral("&Open run…=Ctrl+O")) && rows.contains(QStringLiteral("Train=Ctrl+4")) &&
                 rows.contains(QStringLiteral("&Keyboard shortcuts=F1")),
             qPrintable(rows.join(QStringLiteral(", "))));
    again.findChild<QAction*>(QStringLiteral("shortcutsAction"))->trigger();
    auto* list = again.findChild<ShortcutList*>(QStringLiteral("shortcutList"));
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->rows().size(), rows.size());
    QVERIFY(list->rows().first().startsWith(QStringLiteral("Open run…\t")));  // without the "&"
  }

  void slidersChangeTheDecodedDigit() {
    REQUIRE_MNIST();
    const QString run = TestData::trainOneEpoch(m_runs.path());
    QVERIFY(!run.isEmpty());
    MainWindow w;
    w.show();
    const Status opened = w.openRun(run);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    auto* explore = w.explore()->explorer();
    QVERIFY(explore->hasModel());
    auto* slider = w.findChild<QSlider*>(QStringLiteral("latentSlider0"));
    auto* digit = w.findChild<DigitView*>(QStringLiteral("decodedDigit"));
    slider->setValue(0);
    const QImage left = digit->image();
    QCOMPARE(left.size(), QSize(28, 28));
    slider->setValue(LatentExplorer::kSliderSteps);
    const QImage right = digit->image();
    QVERIFY(left != right);
    // Opened runs are remembered for File → Open recent.
    auto* recent = w.findChild<QMenu*>(QStringLiteral("recentMenu"));
    QCOMPARE(recent->actions().size(), 1);
    QCOMPARE(recent->actions().first()->toolTip(), run);
    // The digit shown is the decoder's output at that point: same code, same picture.
    QCOMPARE(right, w.decoder().decode({float(explore->latent().x()), float(explore->latent().y())}));
    // The latent-space grid arrives from its pool thread: 15×15 digits of 28 px; the top-left
    // cell is the digit at (z₁, z₂) = (−3σ + ½ cell, +3σ − ½ cell).
    auto* pad = w.findChild<LatentPad*>(QStringLiteral("latentPad"));
    QTRY_VERIFY(!pad->background().isNull());
    QCOMPARE(pad->background().size(), QSize(15 * 28, 15 * 28));
    const float corner = float(LatentAxis::fractionToLatent(0.5 / 15));
    QCOMPARE(pad->background().copy(0, 0, 28, 28), w.decoder().decode({corner, -corner}));
  }

  void largerCodesChooseDimensionsAndReroll() {
    REQUIRE_MNIST();
    const QString run = TestData::trainOneEpoch(m_runs.path(), 4);
    QVERIFY(!run.isEmpty());
    MainWindow w;
    w.show();
    const Status opened = w.openRun(run);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    auto* digit = w.findChild<DigitView*>(QStringLiteral("decodedDigit"));
    auto* x = w.findChild<QComboBox*>(QStringLiteral("dimensionCombo0"));
    auto* others = w.findChild<QComboBox*>(QStringLiteral("othersCombo"));
    QCOMPARE(x->count(), 4);
    w.findChild<QSlider*>(QStringLiteral("latentSlider0"))->setValue(900);
    const QImage onDim1 = digit->image();
    x->setCurrentIndex(2);
    Q_EMIT x->activated(2);  // the slider now moves z3 instead of z1
    const QImage onDim3 = digit->image();
    QVERIFY(onDim1 != onDim3);
    const float z = float(w.explore()->explorer()->latent().x());
    QCOMPARE(onDim3, w.decoder().decode({0.f, 0.f, z, 0.f}));
    others->setCurrentIndex(1);
    Q_EMIT others->activated(1);
    const QImage drawn = digit->image();
    QVERIFY(drawn != onDim3);
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("rerollButton")), Qt::LeftButton);
    QVERIFY(digit->image() != drawn);  // another draw of z2 and z4
  }

  void ganFromTheTrainPage() {
    REQUIRE_MNIST();
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    MainWindow w;
    w.show();
    auto* model = w.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    const int gan = model->findData(QStringLiteral("dcgan"));
    QVERIFY(gan >= 0);
    model->setCurrentIndex(gan);
    Q_EMIT model->activated(gan);  // the GAN's own defaults follow
    QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("option-latent"))->value(), 64);
    QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("batchSpin"))->value(), 64);
    QSignalSpy started(w.training(), &TrainingController::started);
    QSignalSpy decoder(w.training(), &TrainingController::decoderUpdated);
    QSignalSpy progress(w.training(), &TrainingController::progress);
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
    QVERIFY(started.wait(30000));
    QCOMPARE(started.first().at(2).toString(), QStringLiteral("dcgan"));
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 1 && decoder.count() >= 1, 30000);
    // The curves show the GAN's four numbers; the Explore page shows its generator.
    QCOMPARE(w.findChild<TrainingCurves*>(QStringLiteral("lossCurves"))->seriesNames(),
             (QStringList{family("D loss"), family("G loss"), family("D(x)"), family("D(G(z))")}));
    QCOMPARE(w.decoder().latentDim(), 64);
    QCOMPARE(w.findChild<QComboBox*>(QStringLiteral("dimensionCombo0"))->count(), 64);
    QCOMPARE(w.findChild<DigitView*>(QStringLiteral("decodedDigit"))->image().size(), QSize(28, 28));
    LAYOUT_OK(&w);  // a 64-D generator: its dimension choices on the Explore page
    TestGui::answerNextDialog(QStringLiteral("stopAndCloseButton"));
    w.close();
    QVERIFY(!w.training()->isRunning());
    QDir(started.first().first().toString()).removeRecursively();
  }

  void toyGanAndConvVaeFromTheTrainPage() {
    MainWindow w;
    w.show();
    auto* model = w.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    auto* dataset = w.findChild<QComboBox*>(QStringLiteral("datasetCombo"));
    model->setCurrentIndex(model->findData(QStringLiteral("dcgan")));
    Q_EMIT model->activated(model->currentIndex());
    const int toy = dataset->findData(QStringLiteral("toy:8-gaussians"));
    QVERIFY(toy >= 0);
    dataset->setCurrentIndex(toy);
    Q_EMIT dataset->activated(toy);  // points bring their own models and defaults: the GAN becomes the toy GAN
    QCOMPARE(model->currentData().toString(), QStringLiteral("toy-gan"));
    QCOMPARE(model->findData(QStringLiteral("dcgan")), -1);  // image models are not offered for points
    QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("option-latent"))->value(), 2);
    QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("batchSpin"))->value(), 256);
    w.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(2);
    w.findChild<QCheckBox*>(QStringLiteral("scoreSamplesCheck"))->setChecked(true);  // toy points: MMD, cheap
    QSignalSpy started(w.training(), &TrainingController::started);
    QSignalSpy finished(w.training(), &TrainingController::finished);
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
    QVERIFY(started.wait(30000));
    QVERIFY(finished.wait(60000));
    // While it trained: each optimizer's gradient norm and rate every step, the quality by MMD each epoch.
    auto* dashboard = w.findChild<TrainingDashboard*>();
    QCOMPARE(dashboard->gradients()->seriesNames(),
             (QStringList{QStringLiteral("gradient norm (discriminator)"), QStringLiteral("learning rate (discriminator), right axis"),
                          QStringLiteral("gradient norm (generator)"), QStringLiteral("learning rate (generator), right axis")}));
    QCOMPARE(dashboard->gradients()->smoothedGraph(3)->valueAxis(), dashboard->gradients()->plot()->yAxis2);
    QTRY_COMPARE_WITH_TIMEOUT(dashboard->gradients()->pointCount(), 78, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(dashboard->quality()->pointCount(), 2, 5000);
    QVERIFY(dashboard->chartTabs()->isTabVisible(dashboard->chartTabs()->indexOf(dashboard->quality())));
    QVERIFY(!dashboard->chartTabs()->isTabVisible(dashboard->chartTabs()->indexOf(dashboard->timestepChart())));
    QTRY_VERIFY_WITH_TIMEOUT(!w.decoder().isNull() && w.decoder().drawsPoints(), 10000);
    // The Explore page draws the generated point over the data: a 160-px plot, not a digit.
    QTRY_COMPARE_WITH_TIMEOUT(w.findChild<DigitView*>(QStringLiteral("decodedDigit"))->image().size(), QSize(160, 160), 5000);
    const QString toyRun = started.first().first().toString();
    QVERIFY(QFile::exists(toyRun + QStringLiteral("/samples/step-000078.png")));
    auto* strip = w.findChild<SampleStrip*>(QStringLiteral("sampleStrip"));
    QTRY_COMPARE_WITH_TIMEOUT(strip->count(), 2, 5000);  // one per epoch in a 2-epoch run

    // Toy diffusion trains from the same page: its loss curve and sample strip fill as well.
    model->setCurrentIndex(model->findData(QStringLiteral("toy-diffusion")));
    Q_EMIT model->activated(model->currentIndex());
    dataset->setCurrentIndex(dataset->findData(QStringLiteral("toy:s-curve")));
    Q_EMIT dataset->activated(dataset->currentIndex());
    w.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(3);
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
    QVERIFY(started.wait(30000));
    QCOMPARE(strip->count(), 0);  // a new run starts an empty strip
    QVERIFY(finished.wait(60000));
    QTRY_COMPARE_WITH_TIMEOUT(strip->count(), 3, 5000);
    // A diffusion model's loss per tenth of the timesteps, one curve an epoch, live.
    QTRY_COMPARE_WITH_TIMEOUT(dashboard->timestepChart()->epochCount(), 3, 5000);
    QVERIFY(dashboard->chartTabs()->isTabVisible(dashboard->chartTabs()->indexOf(dashboard->timestepChart())));
    QCOMPARE(dashboard->quality()->pointCount(), 3);
    const QString diffusionRun = started.last().first().toString();
    QVERIFY(QFile::exists(diffusionRun + QStringLiteral("/samples/step-000234.png")));
    QDir(diffusionRun).removeRecursively();

    // The conv VAE on the held-out check of a tiny run: two steps, then Stop.
    REQUIRE_MNIST();
    w.findChild<QCheckBox*>(QStringLiteral("scoreSamplesCheck"))->setChecked(false);
    dataset->setCurrentIndex(dataset->findData(QStringLiteral("mnist")));
    Q_EMIT dataset->activated(dataset->currentIndex());
    model->setCurrentIndex(model->findData(QStringLiteral("vae-conv")));
    Q_EMIT model->activated(model->currentIndex());
    QCOMPARE(w.findChild<QSpinBox*>(QStringLiteral("option-latent"))->value(), 16);
    // The Explore page keeps the toy GAN it shows unless told to follow the training run.
    w.explore()->setFollowTraining(true);
    QSignalSpy decoder(w.training(), &TrainingController::decoderUpdated);
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
    QVERIFY(started.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(decoder.count() >= 1, 30000);
    QCOMPARE(w.decoder().latentDim(), 16);
    QVERIFY(!w.decoder().drawsPoints());
    QCOMPARE(w.findChild<DigitView*>(QStringLiteral("decodedDigit"))->image().size(), QSize(28, 28));
    TestGui::answerNextDialog(QStringLiteral("stopAndCloseButton"));
    w.close();
    QVERIFY(!w.training()->isRunning());
    QDir(toyRun).removeRecursively();
    QDir(started.last().first().toString()).removeRecursively();
  }

  void diffusionPageSamplesAToyRun() {
    const LayoutCheck::SystemLanguage language;
    MainWindow w;
    w.show();
    auto* page = w.diffusion();
    // Without a diffusion run the forward process works, and sampling says what it needs.
    auto* slider = page->forward()->findChild<QSlider*>(QStringLiteral("forwardTSlider"));
    QCOMPARE(slider->maximum(), 1000);
    const QImage clean = page->forward()->xtView()->image();
    slider->setValue(600);
    QVERIFY(page->forward()->xtView()->image() != clean);
    QCOMPARE(page->forward()->xtView()->image(), page->forwardProcess().imageAt(600));
    w.showPage(page);
    page->showReverse(true);
    QVERIFY(page->reverse()->isVisible());
    QVERIFY(page->reverse()->findChild<QPushButton*>(QStringLiteral("trainToyButton"))->isVisible());
    QVERIFY(!page->reverse()->findChild<QPushButton*>(QStringLiteral("runSamplerButton"))->isEnabled());
    // No model, no steps: nothing to fork, compare or save yet.
    QVERIFY(!page->reverse()->findChild<QPushButton*>(QStringLiteral("forkButton"))->isEnabled());
    QVERIFY(!page->reverse()->findChild<QPushButton*>(QStringLiteral("compareButton"))->isEnabled());

    QTemporaryDir runs;
    const QString run = TestData::trainToyDiffusion(runs.path(), 2);
    QVERIFY(!run.isEmpty());
    const Status opened = w.openRun(run);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    QCOMPARE(page->runFolder(), run);
    QCOMPARE(page->forward()->source(), QStringLiteral("toy:s-curve"));  // the run's own data
    QCOMPARE(page->forward()->timesteps(), 100);
    page->showReverse(true);
    auto* reverse = page->reverse();
    ReverseSettings s = reverse->settings();
    s.sampler = QStringLiteral("ddim");
    s.steps = 10;
    s.count = 400;
    reverse->setSettings(s);
    // The sampler emits from its sampling thread; a QSignalSpy on it would record there while the test
    // reads it here (a data race ThreadSanitizer reported). An idle sampler on this thread relays it.
    ReverseSampler relay;
    connect(page->sampler(), &ReverseSampler::finished, &relay, &ReverseSampler::finished);
    QSignalSpy finished(&relay, &ReverseSampler::finished);
    reverse->findChild<QPushButton*>(QStringLiteral("runSamplerButton"))->click();
    QVERIFY(finished.wait(30000));
    QTRY_COMPARE(reverse->frameCount(), 10);
    QCOMPARE(reverse->pointsView()->pointCount(), 400);
    QVERIFY(reverse->findChild<QPushButton*>(QStringLiteral("forkButton"))->isEnabled());
    LAYOUT_OK(&w);
    QVERIFY(page->firstFrameMs() >= 0);
    QVERIFY(reverse->findChild<QLabel*>(QStringLiteral("timestepsLabel"))->text().contains(QStringLiteral("99, 89, 79")));
    // A fork from step 4 adds its ending beside the original one.
    reverse->setCurrentFrame(3);
    reverse->findChild<QPushButton*>(QStringLiteral("forkButton"))->click();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().value<ReverseResult>().request.forkFrom, 3);
    QCOMPARE(reverse->frameCount(), 10);  // the trajectory stays as it was
    QTRY_VERIFY(reverse->findChild<QScrollArea*>(QStringLiteral("endingsScroll"))->isVisible());
    QCOMPARE(reverse->endingCount(), 2);  // the trajectory's own ending and the fork's
    LAYOUT_OK(&w);  // the endings' row under the timeline
    // Closing the window while it samples: the sampler stops between steps, nothing hangs.
    s.sampler = QStringLiteral("ddpm");
    s.count = 5000;
    reverse->setSettings(s);
    reverse->findChild<QPushButton*>(QStringLiteral("runSamplerButton"))->click();
    QTRY_VERIFY(reverse->frameCount() < 100 && page->sampler()->isRunning());
    w.close();
  }

  // A toy VAE on two moons with far more epochs than a test waits for, started from the Train page.
  static TrainingSettings longToyRun() {
    TrainingSettings toy;
    toy.useDefaultsOf(QStringLiteral("toy-vae"), QStringLiteral("toy:moons"));
    toy.dataset = QStringLiteral("toy:moons");
    toy.runsFolder = RunFolder::defaultRunsFolder();
    toy.epochs = 5000;
    toy.threads = 1;
    return toy;
  }

  // Closing while a run trains asks; Keep training keeps the window and the run, Stop and close stops it.
  void closingMidTrainingAsks() {
    MainWindow w;
    w.show();
    QSignalSpy started(w.training(), &TrainingController::started);
    w.trainPage()->requestRun(longToyRun());
    QVERIFY(started.wait(30000));
    TestGui::answerNextDialog(QStringLiteral("keepTrainingButton"));
    QVERIFY(!w.close());
    QVERIFY(w.isVisible());
    QVERIFY(w.training()->isRunning());
    TestGui::answerNextDialog(QStringLiteral("stopAndCloseButton"));
    QVERIFY(w.close());
    QVERIFY(!w.training()->isRunning());
    const auto json = RunFolder(started.first().first().toString()).readRunJson();
    QCOMPARE(json.value.value(QStringLiteral("status")).toString(), QStringLiteral("stopped"));
  }

  // A stopped run continues from the Runs list, from the step where it stopped, and the model the
  // Explore page shows stays while it trains (Follow is off).
  void continueAStoppedRunFromTheRunsList() {
    REQUIRE_MNIST();
    const LayoutCheck::SystemLanguage language;
    const QString explored = TestData::trainOneEpoch(m_runs.path());
    QVERIFY(!explored.isEmpty());
    MainWindow w;
    w.show();
    QVERIFY(w.openRun(explored).ok());
    QVERIFY(!w.explore()->followsTraining());
    QSignalSpy started(w.training(), &TrainingController::started);
    QSignalSpy finished(w.training(), &TrainingController::finished);
    QSignalSpy progress(w.training(), &TrainingController::progress);
    w.trainPage()->requestRun(longToyRun());
    QVERIFY(started.wait(30000));
    const QString folder = started.first().first().toString();
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().first().value<TrainingProgress>().step >= 50, 30000);
    w.training()->stop();
    QVERIFY(finished.wait(30000));
    const auto stopped = RunFolder(folder).readRunJson();
    QVERIFY(stopped.ok());
    QCOMPARE(stopped.value.value(QStringLiteral("status")).toString(), QStringLiteral("stopped"));
    const qint64 stepsBefore = stopped.value.value(QStringLiteral("steps")).toInteger();
    QVERIFY(stepsBefore >= 50);
    QCOMPARE(w.explore()->runFolder(), explored);

    RunsDialog* runs = w.showRuns();
    QVERIFY(runs->isVisible());
    LAYOUT_OK(runs);
    QVERIFY2(runs->select(QDir(folder).absolutePath()), qPrintable(folder));
    auto* cont = runs->findChild<QPushButton*>(QStringLiteral("continueButton"));
    QVERIFY(cont->isEnabled());
    QVERIFY(runs->select(QDir(explored).absolutePath()));
    QVERIFY(!cont->isEnabled());  // completed: nothing to continue
    QVERIFY(runs->select(QDir(folder).absolutePath()));
    started.clear();
    progress.clear();
    QTest::mouseClick(cont, Qt::LeftButton);
    QVERIFY(started.wait(30000));
    QCOMPARE(started.first().first().toString(), folder);  // the same run, not a new one
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 30000);
    QVERIFY(progress.first().first().value<TrainingProgress>().step > stepsBefore);
    QTest::qWait(300);
    QCOMPARE(w.explore()->runFolder(), explored);  // not replaced by the run that trains
    finished.clear();
    w.training()->stop();
    QVERIFY(finished.wait(30000));
    const auto continued = RunFolder(folder).readRunJson();
    QVERIFY(continued.value.value(QStringLiteral("steps")).toInteger() > stepsBefore);
    runs->close();
  }

  // Two runs kept apart: A trains while the user explores B; Stop stops A; C asks to be queued.
  void trainingRunAndExploredRunStayApart() {
    REQUIRE_MNIST();
    const LayoutCheck::SystemLanguage language;
    const QString b = TestData::trainOneEpoch(m_runs.path());
    QVERIFY(!b.isEmpty());
    MainWindow w;
    w.show();
    auto* model = w.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    auto* dataset = w.findChild<QComboBox*>(QStringLiteral("datasetCombo"));
    auto* start = w.findChild<QPushButton*>(QStringLiteral("startButton"));
    auto* stop = w.findChild<QPushButton*>(QStringLiteral("stopButton"));
    // A: the toy VAE on two moons, far more epochs than the test waits for.
    dataset->setCurrentIndex(dataset->findData(QStringLiteral("toy:moons")));
    Q_EMIT dataset->activated(dataset->currentIndex());
    model->setCurrentIndex(model->findData(QStringLiteral("toy-vae")));
    Q_EMIT model->activated(model->currentIndex());
    w.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(5000);
    QSignalSpy started(w.training(), &TrainingController::started);
    QSignalSpy finished(w.training(), &TrainingController::finished);
    QSignalSpy decoder(w.training(), &TrainingController::decoderUpdated);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(started.wait(30000));
    const QString a = started.first().first().toString();
    QCOMPARE(started.first().at(2).toString(), QStringLiteral("toy-vae"));
    QTRY_VERIFY_WITH_TIMEOUT(decoder.count() >= 1, 30000);
    QVERIFY(w.decoder().drawsPoints());  // nothing was open: the page shows what trains
    QCOMPARE(w.explore()->explorer()->findChild<QGroupBox*>(QStringLiteral("decodedBox"))->title(),
             QCoreApplication::translate("LatentExplorer", "Decoded point"));  // a point, not a digit

    // Open B while A trains: training updates never replace it.
    const Status opened = w.openRun(b);
    QVERIFY2(opened.ok(), qPrintable(opened.error));
    const int before = decoder.count();
    QTRY_VERIFY_WITH_TIMEOUT(decoder.count() >= before + 3, 30000);
    QCOMPARE(w.explore()->runFolder(), b);
    QVERIFY(!w.decoder().drawsPoints());
    QCOMPARE(w.explore()->explorer()->findChild<QGroupBox*>(QStringLiteral("decodedBox"))->title(),
             QCoreApplication::translate("LatentExplorer", "Decoded digit"));
    LAYOUT_OK(&w);
    QCOMPARE(w.decoder().latentDim(), 2);
    // "Follow the training run" brings A back, as it learns.
    w.explore()->setFollowTraining(true);
    const int following = decoder.count();
    QTRY_VERIFY_WITH_TIMEOUT(decoder.count() > following && w.decoder().drawsPoints(), 30000);
    QCOMPARE(w.explore()->runFolder(), a);

    // The Train page shows A while it trains: its model, locked, Stop reachable.
    QCOMPARE(model->currentData().toString(), QStringLiteral("toy-vae"));
    QVERIFY(!model->isEnabled());
    QVERIFY(stop->isEnabled());
    // C while A runs: "Set up the next run", change the form, Start asks; the answer is Queue.
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("nextRunButton")), Qt::LeftButton);
    QVERIFY(model->isEnabled());
    model->setCurrentIndex(model->findData(QStringLiteral("toy-gan")));
    Q_EMIT model->activated(model->currentIndex());
    w.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(5000);
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      QVERIFY(box);
      asked = box->objectName() == QLatin1String("stopOrQueueBox");
      box->findChild<QPushButton*>(QStringLiteral("queueButton"))->click();
    });
    auto* curves = w.findChild<TrainingCurves*>(QStringLiteral("lossCurves"));
    const int pointsBefore = curves->pointCount();
    QVERIFY(pointsBefore > 0);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(asked);
    QVERIFY(curves->pointCount() >= pointsBefore);  // A's chart keeps every step it had
    QCOMPARE(w.trainPage()->queued().size(), 1);
    QVERIFY(!w.findChild<QLabel*>(QStringLiteral("queueLabel"))->isHidden());
    QCOMPARE(model->currentData().toString(), QStringLiteral("toy-vae"));  // the form shows A again
    QVERIFY(w.training()->isRunning());
    QCOMPARE(started.count(), 1);

    // Stop on the Train page stops A (saved, resumable); the queued C starts next.
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(0).toString(), a);
    QCOMPARE(finished.first().at(1).toBool(), false);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 30000);
    QCOMPARE(started.last().at(2).toString(), QStringLiteral("toy-gan"));
    QCOMPARE(model->currentData().toString(), QStringLiteral("toy-gan"));
    QVERIFY(w.trainPage()->queued().isEmpty());
    QVERIFY(w.findChild<QLabel*>(QStringLiteral("queueLabel"))->isHidden());
    QCOMPARE(w.findChild<TrainingCurves*>(QStringLiteral("lossCurves"))->seriesNames().first(), family("D loss"));  // C's own legend

    // D while C runs, answered "Stop it and start": C stops, D starts.
    TrainingSettings d = w.trainPage()->defaultRun();
    d.dataset = QStringLiteral("toy:rings");
    d.useDefaultsOf(QStringLiteral("toy-ae"), d.dataset);
    d.epochs = 5000;
    QTimer::singleShot(0, this, [] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      QVERIFY(box);
      box->findChild<QPushButton*>(QStringLiteral("stopAndStartButton"))->click();
    });
    w.trainPage()->requestRun(d);
    QVERIFY(finished.wait(30000));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 3, 30000);
    QCOMPARE(started.last().at(2).toString(), QStringLiteral("toy-ae"));
    TestGui::answerNextDialog(QStringLiteral("stopAndCloseButton"));
    w.close();
    QVERIFY(!w.training()->isRunning());
    for (const auto& args : started)
      QDir(args.first().toString()).removeRecursively();
  }

  // A folder of images trains from the Train page into a run folder whose name is safe.
  void imageFolderTrainsFromTheTrainPage() {
    QTemporaryDir images;
    for (int i = 0; i < 12; ++i) {
      QImage image(40, 30, QImage::Format_RGB888);
      image.fill(QColor(20 * i, 255 - 20 * i, 128));
      QVERIFY(image.save(images.filePath(QStringLiteral("image %1.png").arg(i))));
    }
    QFile broken(images.filePath(QStringLiteral("broken.png")));
    QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write("not a PNG") == 9);
    broken.close();
    MainWindow w;
    w.show();
    auto* dashboard = w.trainPage()->dashboard();
    dashboard->setImageFolder(images.path());
    auto* model = w.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    model->setCurrentIndex(model->findData(QStringLiteral("vae-mlp")));
    Q_EMIT model->activated(model->currentIndex());
    w.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(1);
    w.findChild<QSpinBox*>(QStringLiteral("batchSpin"))->setValue(4);
    QSignalSpy finished(w.training(), &TrainingController::finished);
    QSignalSpy failed(w.training(), &TrainingController::failed);
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
    QVERIFY2(finished.wait(60000), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const QString folder = finished.first().first().toString();
    const QString name = QDir(folder).dirName();
    QVERIFY2(!name.contains(QLatin1Char(':')) && !name.contains(QLatin1Char(' ')), qPrintable(name));
    QVERIFY2(name.endsWith(QStringLiteral("-vae-mlp-") + QDir(images.path()).dirName()), qPrintable(name));
    QVERIFY(QFile::exists(folder + QStringLiteral("/run.json")));
    QVERIFY(QFile::exists(folder + QStringLiteral("/weights.safetensors")));
    // The page says a file was skipped (the CLI prints it, run.json records it).
    const QString shown = w.findChild<QLabel*>(QStringLiteral("messageLabel"))->text();
    QVERIFY2(shown.contains(QStringLiteral("1 image file(s) could not be read")), qPrintable(shown));
    QDir(folder).removeRecursively();
  }

  // A learning rate of 1 drives the MLP VAE's loss to NaN within two epochs: the run stops, the
  // page says so and which checkpoint is kept, run.json says "failed", and the kept weights open.
  void nanLossIsReportedOnTheTrainPage() {
    REQUIRE_MNIST();
    MainWindow w;
    w.show();
    auto* model = w.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    model->setCurrentIndex(model->findData(QStringLiteral("vae-mlp")));
    Q_EMIT model->activated(model->currentIndex());
    w.findChild<QSpinBox*>(QStringLiteral("epochsSpin"))->setValue(2);
    auto* lr = w.findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
    QVERIFY(lr->maximum() >= 1.0);
    lr->setValue(1.0);
    QSignalSpy failed(w.training(), &TrainingController::failed);
    QSignalSpy started(w.training(), &TrainingController::started);
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("startButton")), Qt::LeftButton);
    QVERIFY(failed.wait(120000));
    QVERIFY(!started.isEmpty());
    const QString folder = started.first().first().toString();
    const QString shown = w.findChild<QLabel*>(QStringLiteral("messageLabel"))->text();
    // Either the last checkpoint is named, or the page says none was written before the NaN.
    QVERIFY2(shown.contains(QRegularExpression(QStringLiteral("the loss became (NaN|[+-]infinity)"))) &&
                 (shown.contains(QStringLiteral("checkpoint")) || shown.contains(QStringLiteral("nothing was saved"))),
             qPrintable(shown));
    QVERIFY(w.findChild<QPushButton*>(QStringLiteral("startButton"))->isEnabled());  // ready for the next run
    const auto json = RunFolder(folder).readRunJson();
    QVERIFY2(json.ok(), qPrintable(json.error));
    QCOMPARE(json.value.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY(json.value.value(QStringLiteral("error")).toString().contains(QStringLiteral("the loss became")));
    if (QFile::exists(folder + QStringLiteral("/weights.safetensors")))  // what was kept opens: finite weights
      QVERIFY2(Run::open(folder).ok(), qPrintable(Run::open(folder).error));
    QDir(folder).removeRecursively();
  }

  void chineseTranslationIsEmbedded() {
    QTranslator t;
    QVERIFY(t.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("genlab"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")));
    QCOMPARE(t.translate("LatentExplorer", "Train the default VAE"), QStringLiteral("训练默认 VAE"));
    QCOMPARE(t.translate("MainWindow", "&Train"), QStringLiteral("训练(&T)"));
  }

  // A fresh machine: the digits without the quality judge beside them. The default VAE's digits are
  // on the Explore page while the judge trains beside it, and the page says so.
  void firstLaunchShowsDigitsWhileTheJudgeTrains() {
    REQUIRE_MNIST();
    const LayoutCheck::SystemLanguage language;
    QTemporaryDir data;
    QVERIFY(QDir().mkpath(data.filePath(QStringLiteral("mnist"))));
    for (const QString& f : QDir(TestData::mnistFolder()).entryList({QStringLiteral("*-ubyte.gz")}, QDir::Files))
      QVERIFY(QFile::copy(TestData::mnistFolder() + QLatin1Char('/') + f, data.filePath(QStringLiteral("mnist/") + f)));
    const QString judge = data.filePath(QStringLiteral("mnist/genlab-quality-classifier.safetensors"));
    const QByteArray was = qgetenv("GENLAB_DATA_DIR");
    qputenv("GENLAB_DATA_DIR", data.path().toLocal8Bit());
    const auto restore = qScopeGuard([was] {
      if (was.isNull())
        qunsetenv("GENLAB_DATA_DIR");
      else
        qputenv("GENLAB_DATA_DIR", was);
    });
    MainWindow w;
    w.resize(1280, 800);
    w.show();
    QSignalSpy started(w.training(), &TrainingController::started);
    QSignalSpy finished(w.training(), &TrainingController::finished);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("trainDefaultButton")), Qt::LeftButton);
    QVERIFY(started.wait(30000));
    auto* status = w.explore()->findChild<QLabel*>(QStringLiteral("trainingStatus"));
    QVERIFY(status);
    // Either of the judge's two messages, in the language shown.
    const QString beside = QCoreApplication::translate(
        "SampleQuality", "The quality judge trains beside the model (epoch %1 of %2); the samples are scored once it is ready.");
    const QString prepared = QCoreApplication::translate(
        "SampleQuality", "The quality judge is being prepared; the samples are scored once it is ready.");
    const auto saysJudge = [&](const QString& text) {
      return text.contains(beside.left(beside.indexOf(QStringLiteral("%1")))) || text.contains(prepared);
    };
    QTRY_VERIFY_WITH_TIMEOUT(status->isVisible() && saysJudge(status->text()), 30000);
    auto* explore = w.explore()->explorer();
    QVERIFY(explore->hasModel());
    QTRY_VERIFY_WITH_TIMEOUT(looksLikeADigit(explore->decodedImage()), 60000);
    qInfo("digits on the Explore page %.1f s after the click", double(clock.elapsed()) / 1000);
    QVERIFY2(!QFile::exists(judge), "the judge was ready before the first digits: this test shows nothing");
    QVERIFY(saysJudge(status->text()));
    LAYOUT_OK(&w);
    clock.restart();
    w.training()->stop();
    QVERIFY(finished.wait(60000));
    qInfo("stopped in %.1f s", double(clock.elapsed()) / 1000);
  }

  void firstLaunchTrainsAndClosingStopsIt() {
    REQUIRE_MNIST();
    QString folder;
    {
      MainWindow w;
      w.show();
      QSignalSpy started(w.training(), &TrainingController::started);
      QSignalSpy decoder(w.training(), &TrainingController::decoderUpdated);
      QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("trainDefaultButton")), Qt::LeftButton);
      QVERIFY(started.wait(30000));
      folder = started.first().first().toString();
      QTRY_VERIFY_WITH_TIMEOUT(decoder.count() >= 2, 10000);
      // While training, the Explore page already shows the model as it learns.
      auto* explore = w.explore()->explorer();
      QVERIFY(explore->hasModel());
      QCOMPARE(explore->decodedImage().size(), QSize(28, 28));
      QVERIFY(w.training()->isRunning());
      TestGui::answerNextDialog(QStringLiteral("stopAndCloseButton"));
      w.close();  // mid-training: it asks, and stops the run
      QVERIFY(!w.training()->isRunning());
    }
    QString error;
    QVERIFY2(!TestData::decoderOf(folder, &error).isNull(), qPrintable(error));
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.tmp*")}, QDir::Files).size(), 0);  // nothing half-written
    // The next start reopens the last model.
    MainWindow again;
    QVERIFY(again.explore()->explorer()->hasModel());
    QDir(folder).removeRecursively();
  }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
