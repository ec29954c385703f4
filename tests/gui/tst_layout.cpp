// SPDX-License-Identifier: GPL-3.0-or-later
// Every page in the states a student reaches in the first hour, in English and in Chinese, on a
// 1280×800 screen: the window fits and never widens itself, no button's text is cut, no label shows
// a literal '&', no two visible controls share a mnemonic (tests/layoutcheck.h).
#include "diffusionpage.h"
#include "explorepage.h"
#include "layoutcheck.h"
#include "mainwindow.h"
#include "pixelpage.h"
#include "registry.h"
#include "testdata.h"
#include "trainedrun.h"
#include "trainingcontroller.h"
#include "trainingworker.h"
#include "trainpage.h"

#include <QComboBox>
#include <QLocale>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>

class tst_Layout : public QObject {
  Q_OBJECT

  QTemporaryDir m_runs;
  QString m_vae, m_vae16, m_toyDiffusion, m_pixels;

  QSize m_screen{1280, 800};  // the screen of the row running now

  void check(QWidget* window, const QString& state) {
    const QStringList problems = LayoutCheck::problems(window, m_screen);
    QVERIFY2(problems.isEmpty(), qPrintable(state + QStringLiteral(": ") + problems.join(QStringLiteral("; "))));
  }
  // Each tab of every QTabWidget inside `page` in turn (the Train page's charts, the Explore page's panels).
  void checkInnerTabs(QWidget* window, QWidget* page, const QString& state) {
    for (QTabWidget* tabs : page->findChildren<QTabWidget*>()) {
      if (!tabs->isVisible())
        continue;
      const int was = tabs->currentIndex();
      for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        check(window, state + QStringLiteral(" / ") + tabs->tabText(i));
        if (QTest::currentTestFailed())
          return;
      }
      tabs->setCurrentIndex(was);
    }
  }

 private Q_SLOTS:
  void initTestCase() {
    REQUIRE_MNIST();
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GenLabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("GenLabLayout"));
    m_vae = TestData::trainOneEpoch(m_runs.path());
    QVERIFY(!m_vae.isEmpty());
    m_vae16 = TestData::trainOneEpoch(m_runs.path(), 16);  // more than two dimensions: their choices show
    QVERIFY(!m_vae16.isEmpty());
    m_toyDiffusion = TestData::trainToyDiffusion(m_runs.path(), 1);
    QVERIFY(!m_toyDiffusion.isEmpty());
    const ModelFamily* pixel = Registry::firstWith([](const ModelFamily& f) { return f.pixelByPixel; });
    TrainingSettings s;
    s.dataFolder = TestData::mnistFolder();
    s.useDefaultsOf(pixel->id, s.dataset);
    s.maxSteps = 3;
    s.threads = 2;
    s.runFolder = m_runs.filePath(QStringLiteral("pixels"));
    TrainingWorker worker(s);
    QString failure;
    connect(&worker, &TrainingWorker::failed, this, [&failure](const QString& m) { failure = m; });
    worker.run();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_pixels = s.runFolder;
  }

  void init() {
    QSettings().clear();
    QSettings().setValue(QStringLiteral("train/scoreSamples"), false);
  }

  // A 1280×800 laptop, and an older 1024×768 one (where a page may scroll, but nothing is cut).
  void everyPageFits_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("screen");
    QTest::newRow("English, 1280×800") << QStringLiteral("en") << QSize(1280, 800);
    QTest::newRow("Chinese, 1280×800") << QStringLiteral("zh_CN") << QSize(1280, 800);
    QTest::newRow("English, 1024×768") << QStringLiteral("en") << QSize(1024, 768);
    QTest::newRow("Chinese, 1024×768") << QStringLiteral("zh_CN") << QSize(1024, 768);
  }

  void everyPageFits() {
    QFETCH(QString, language);
    QFETCH(QSize, screen);
    m_screen = screen;
    QTranslator translator;
    if (language != QLatin1String("en")) {
      QVERIFY(translator.load(QLocale(language), QStringLiteral("genlab"), QStringLiteral("_"), QStringLiteral(":/i18n")));
      QCoreApplication::installTranslator(&translator);
    }
    const auto removeTranslator = qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    MainWindow w;
    w.resize(screen);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* pages = w.findChild<QTabWidget*>(QStringLiteral("pages"));
    QVERIFY(pages);
    const auto everyPage = [&](const QString& state) {
      for (int i = 0; i < pages->count() && !QTest::currentTestFailed(); ++i) {
        pages->setCurrentIndex(i);
        check(&w, state + QStringLiteral(", ") + pages->tabText(i));
        checkInnerTabs(&w, pages->widget(i), state + QStringLiteral(", ") + pages->tabText(i));
      }
    };
    everyPage(QStringLiteral("first launch"));
    if (QTest::currentTestFailed())
      return;

    // A model on each page.
    QVERIFY(w.openRun(m_vae).ok());
    QVERIFY(w.diffusion()->openRun(m_toyDiffusion).ok());
    QVERIFY(w.pixels()->openRun(m_pixels).ok());
    everyPage(QStringLiteral("runs open"));
    if (QTest::currentTestFailed())
      return;
    QVERIFY(w.openRun(m_vae16).ok());
    w.showPage(w.explore());
    check(&w, QStringLiteral("Explore page, a 16-D code"));
    checkInnerTabs(&w, w.explore(), QStringLiteral("Explore page, a 16-D code"));
    if (QTest::currentTestFailed())
      return;

    // The reverse process run once (its endings and captions shown).
    w.showPage(w.diffusion());
    auto* tabs = w.diffusion()->findChild<QTabWidget*>(QStringLiteral("diffusionTabs"));
    tabs->setCurrentIndex(tabs->count() - 1);
    auto* run = w.diffusion()->findChild<QPushButton*>(QStringLiteral("runSamplerButton"));
    QVERIFY(run && run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled(), 30000);
    check(&w, QStringLiteral("Diffusion page after a run"));
    if (QTest::currentTestFailed())
      return;
    // A fork and the DDPM/DDIM comparison: captions with their wall times beside each ending.
    for (const char* name : {"forkButton", "compareButton"}) {
      auto* button = w.diffusion()->findChild<QPushButton*>(QString::fromLatin1(name));
      QVERIFY(button && button->isEnabled());
      QTest::mouseClick(button, Qt::LeftButton);
      QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled(), 30000);
    }
    check(&w, QStringLiteral("Diffusion page after a fork and a comparison"));
    if (QTest::currentTestFailed())
      return;

    // The pixel page in each way of starting.
    w.showPage(w.pixels());
    auto* start = w.pixels()->findChild<QComboBox*>(QStringLiteral("startCombo"));
    QVERIFY(start);
    for (int i = 0; i < start->count() && !QTest::currentTestFailed(); ++i) {
      start->setCurrentIndex(i);
      check(&w, QStringLiteral("Pixel page, start from: ") + start->itemText(i));
    }
    if (QTest::currentTestFailed())
      return;

    // The Train page while a run trains, and after it stopped.
    TrainingSettings toy;
    toy.useDefaultsOf(QStringLiteral("toy-vae"), QStringLiteral("toy:moons"));
    toy.dataset = QStringLiteral("toy:moons");
    toy.runsFolder = m_runs.path();
    toy.epochs = 5000;
    toy.threads = 1;
    QSignalSpy started(w.training(), &TrainingController::started), finished(w.training(), &TrainingController::finished);
    w.trainPage()->requestRun(toy);
    QVERIFY(started.wait(30000));
    QTest::qWait(500);
    everyPage(QStringLiteral("training"));
    w.training()->stop();
    QVERIFY(finished.wait(30000));
    if (QTest::currentTestFailed())
      return;
    everyPage(QStringLiteral("after training"));
  }
};

QTEST_MAIN(tst_Layout)
#include "tst_layout.moc"
