// SPDX-License-Identifier: GPL-3.0-or-later
// The Pixel by pixel page on a real (briefly trained) PixelCNN run: it writes every pixel, pauses
// and steps one pixel at a time, completes held-out digits without touching the given half, and
// shows a receptive field that is zero at and after the clicked pixel.
#include "mainwindow.h"
#include "layoutcheck.h"
#include "pixelpage.h"
#include "pixelwriter.h"
#include "pixelwriteview.h"
#include "registry.h"
#include "testdata.h"
#include "trainingworker.h"

#include <QCheckBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_PixelPage : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_run;
  QString m_byClassRun;  // trained with each digit's class

  // Frames until one says done (or the time is up); the last frame.
  static PixelWriteFrame untilDone(QSignalSpy& frames, int ms = 60000) {
    PixelWriteFrame last;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
      if (frames.isEmpty())
        frames.wait(200);
      while (!frames.isEmpty()) {
        last = frames.takeFirst().at(0).value<PixelWriteFrame>();
        if (last.done)
          return last;
      }
    }
    return last;
  }

 private Q_SLOTS:
  void initTestCase() {
    REQUIRE_MNIST();
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GenLabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("GenLabPixelPage"));
    QSettings().clear();
    const ModelFamily* family = Registry::firstWith([](const ModelFamily& f) { return f.pixelByPixel; });
    QVERIFY(family);
    TrainingSettings s;
    s.dataFolder = TestData::mnistFolder();
    s.useDefaultsOf(family->id, s.dataset);
    s.maxSteps = 20;
    s.threads = 2;
    s.runFolder = m_dir.filePath(QStringLiteral("run"));
    TrainingWorker worker(s);
    QString failure;
    connect(&worker, &TrainingWorker::failed, this, [&failure](const QString& m) { failure = m; });
    worker.run();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_run = s.runFolder;

    s.options.set(QStringLiteral("by-class"), true);  // the pixel families' own option
    s.runFolder = m_dir.filePath(QStringLiteral("by-class"));
    QCOMPARE(s.validate().error, QString());
    TrainingWorker byClass(s);
    connect(&byClass, &TrainingWorker::failed, this, [&failure](const QString& m) { failure = m; });
    byClass.run();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_byClassRun = s.runFolder;
  }

  // Left-drag from pixel (row, c0) to (row, c1) of image 0 in painting mode.
  static void paint(PixelWriteView* view, int row, int c0, int c1) {
    const QPoint from = view->cellRect(0, row, c0).center(), to = view->cellRect(0, row, c1).center();
    QTest::mousePress(view, Qt::LeftButton, {}, from);
    for (int c = c0 + 1; c <= c1; ++c) {
      const QPointF at = view->cellRect(0, row, c).center();
      QMouseEvent move(QEvent::MouseMove, at, view->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, {});
      QCoreApplication::sendEvent(view, &move);
    }
    QTest::mouseRelease(view, Qt::LeftButton, {}, to);
  }

  // A page that writes as fast as it can.
  static void fastest(PixelPage& page) {
    auto* pace = page.findChild<QComboBox*>(QStringLiteral("paceCombo"));
    pace->setCurrentIndex(pace->count() - 1);
  }

  void writesEveryPixelAndStepsOneAtATime() {
    const LayoutCheck::SystemLanguage language;  // Chinese in the suite's zh_CN pass
    QCOMPARE(language.installed(), QLocale().language() == QLocale::Chinese);  // the pass checks what it says it does
    PixelPage page;
    page.resize(1280, 720);
    fastest(page);
    QVERIFY2(page.openRun(m_run).ok(), qPrintable(page.openRun(m_run).error));
    QSignalSpy frames(page.writer(), &PixelWriter::frame);
    page.write();
    const auto done = untilDone(frames);
    QVERIFY(done.done);
    QCOMPARE(done.position, 28 * 28);
    QCOMPARE(done.images.size(), 8);
    QCOMPARE(page.view()->imageCount(), 8);
    QCOMPARE(done.distribution.size(), 2);  // black/white: p(black), p(white)
    QVERIFY(std::abs(done.distribution[0] + done.distribution[1] - 1) < 1e-5);

    // Paused at once: nothing moves until One pixel, which draws exactly one.
    page.writer()->setPaused(true);
    frames.clear();
    page.write();
    QTest::qWait(300);
    int at = -1;
    while (!frames.isEmpty())
      at = frames.takeFirst().at(0).value<PixelWriteFrame>().position;
    QVERIFY(at >= 0 && at <= 1);
    page.writer()->stepOnce();
    QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 5000);  // (the spy hears the worker thread at once)
    QCOMPARE(frames.takeLast().at(0).value<PixelWriteFrame>().position, at + 1);
    QTRY_COMPARE(page.view()->focusImage(), 0);  // the first image's pixel is shown in detail, framed

    // A click on another image: the detailed distribution follows it, and the view frames that one.
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTest::mouseClick(page.view(), Qt::LeftButton, {}, page.view()->cellRect(2, 0, 0).center());
    frames.clear();
    page.writer()->stepOnce();
    QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 5000);
    QCOMPARE(frames.takeLast().at(0).value<PixelWriteFrame>().focus, 2);
    QTRY_COMPARE(page.view()->focusImage(), 2);
    LAYOUT_OK(&page);  // paused mid-writing, the next pixel's distribution shown
    page.writer()->cancel();
  }

  void completionKeepsTheGivenHalf() {
    PixelPage page;
    fastest(page);
    QVERIFY(page.openRun(m_run).ok());
    page.findChild<QComboBox*>(QStringLiteral("startCombo"))->setCurrentIndex(1);  // bottom half hidden
    QSignalSpy frames(page.writer(), &PixelWriter::frame);
    page.write();
    QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 10000);
    const auto first = frames.first().at(0).value<PixelWriteFrame>();
    const auto done = untilDone(frames);
    QVERIFY(done.done);
    QCOMPARE(done.known.size(), 28 * 28);
    QVERIFY(done.known[0] && done.known[13 * 28 + 27] && !done.known[14 * 28]);
    for (int i = 0; i < done.images.size(); ++i)
      for (int y = 0; y < 14; ++y)
        QVERIFY(std::memcmp(done.images[i].constScanLine(y), first.images[i].constScanLine(y), 28) == 0);
    QVERIFY(!done.images[0].isNull());
    int white = 0;  // the given halves are real digits: some of their pixels are white
    for (int y = 0; y < 14; ++y)
      for (int x = 0; x < 28; ++x)
        white += qGray(done.images[0].pixel(x, y)) > 128;
    QVERIFY(white > 0);
  }

  // One held-out digit in every image: the given halves are equal, the completions differ.
  void severalCompletionsOfOneDigit() {
    PixelPage page;
    fastest(page);
    QVERIFY(page.openRun(m_run).ok());
    page.findChild<QComboBox*>(QStringLiteral("startCombo"))->setCurrentIndex(2);  // right half hidden
    page.findChild<QCheckBox*>(QStringLiteral("sameCheck"))->setChecked(true);
    QSignalSpy frames(page.writer(), &PixelWriter::frame);
    page.write();
    const auto done = untilDone(frames);
    QVERIFY(done.done);
    bool someDiffer = false;
    for (int i = 1; i < done.images.size(); ++i)
      for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x) {
          if (x < 14)
            QCOMPARE(done.images[i].pixel(x, y), done.images[0].pixel(x, y));
          else
            someDiffer = someDiffer || done.images[i].pixel(x, y) != done.images[0].pixel(x, y);
        }
    QVERIFY(someDiffer);
  }

  // Painted: the digits are shown whole to paint on; the painted pixels are written, every other
  // pixel stays the held-out digit's.
  void paintedCompletionKeepsTheRest() {
    const LayoutCheck::SystemLanguage language;
    PixelPage page;
    page.resize(1280, 720);  // the page's part of a 1280×800 window
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    fastest(page);
    QVERIFY(page.openRun(m_run).ok());
    QSignalSpy frames(page.writer(), &PixelWriter::frame);
    page.findChild<QComboBox*>(QStringLiteral("startCombo"))->setCurrentIndex(3);  // painted
    QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 10000);
    const auto shown = frames.takeFirst().at(0).value<PixelWriteFrame>();
    QVERIFY(!shown.done);
    QTRY_VERIFY(page.view()->painting());  // once the digits are there (the frame is queued to the page)
    QCOMPARE(page.view()->imageCount(), int(shown.images.size()));
    LAYOUT_OK(&page);  // "the part you paint hidden": the widest start
    page.write();  // nothing painted yet: nothing written
    QTest::qWait(500);
    QVERIFY(frames.isEmpty());

    paint(page.view(), 12, 8, 18);  // a 3-pixel-high stroke across rows 11-13, columns 7-19
    const QVector<bool> mask = page.view()->knownMask();
    QCOMPARE(mask.size(), 28 * 28);
    QCOMPARE(int(std::count(mask.begin(), mask.end(), false)), 3 * 13);
    QVERIFY(!mask[11 * 28 + 7] && !mask[13 * 28 + 19] && mask[10 * 28 + 10] && mask[12 * 28 + 20]);
    page.write();
    const auto done = untilDone(frames);
    QVERIFY(done.done);
    QCOMPARE(done.known, mask);
    QCOMPARE(done.images.size(), shown.images.size());
    for (int i = 0; i < done.images.size(); ++i)
      for (int p = 0; p < 28 * 28; ++p)
        if (mask[p])
          QCOMPARE(done.images[i].pixel(p % 28, p / 28), shown.images[i].pixel(p % 28, p / 28));
    QVERIFY(!page.view()->painting());  // a click now shows what a pixel depends on…
    LAYOUT_OK(&page);
    page.findChild<QPushButton*>(QStringLiteral("paintButton"))->click();  // …until Paint: the digits again
    QTRY_VERIFY(page.view()->painting());
    QCOMPARE(page.view()->knownMask(), mask);
  }

  // A run trained with the digits' classes writes the class it is asked for.
  void writesTheClassAskedFor() {
    PixelPage page;
    fastest(page);
    QVERIFY(page.openRun(m_byClassRun).ok());
    auto* classes = page.findChild<QComboBox*>(QStringLiteral("classCombo"));
    QCOMPARE(classes->count(), 11);
    QCOMPARE(classes->itemText(4), QStringLiteral("3"));
    QVERIFY(!classes->isHidden());
    classes->setCurrentIndex(4);
    QSignalSpy frames(page.writer(), &PixelWriter::frame), failed(page.writer(), &PixelWriter::failed);
    page.write();
    QVERIFY(untilDone(frames).done);
    QCOMPARE(failed.count(), 0);
    QSignalSpy fields(page.writer(), &PixelWriter::receptiveField);
    page.writer()->requestReceptiveField(0, 10, 6);
    QTRY_VERIFY_WITH_TIMEOUT(fields.count() == 1, 10000);  // (the spy hears the worker thread at once)
    QCOMPARE(fields.first().at(3).value<QVector<float>>().size(), 28 * 28);
    // A class the model does not know is refused with the reason.
    PixelWriteRequest r;
    r.runFolder = m_byClassRun;
    r.label = 10;
    page.writer()->start(r);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 10000);
    QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("0 to 9")), qPrintable(failed.first().at(0).toString()));
    PixelPage plain;  // and a model trained without classes offers none
    QVERIFY(plain.openRun(m_run).ok());
    QVERIFY(plain.findChild<QComboBox*>(QStringLiteral("classCombo"))->isHidden());
  }

  void receptiveFieldIsCausal() {
    PixelPage page;
    fastest(page);
    QVERIFY(page.openRun(m_run).ok());
    QSignalSpy frames(page.writer(), &PixelWriter::frame);
    page.write();
    QVERIFY(untilDone(frames).done);
    QSignalSpy fields(page.writer(), &PixelWriter::receptiveField);
    page.writer()->requestReceptiveField(1, 10, 6);
    QTRY_VERIFY_WITH_TIMEOUT(!fields.isEmpty(), 10000);
    const auto args = fields.takeFirst();
    const auto trained = args.at(3).value<QVector<float>>(), plain = args.at(4).value<QVector<float>>();
    QCOMPARE(trained.size(), 28 * 28);
    for (int i = 10 * 28 + 6; i < 28 * 28; ++i)
      QVERIFY2(trained[i] == 0 && plain[i] == 0, qPrintable(QString::number(i)));
    QVERIFY(trained[10 * 28 + 5] > 0);
    // Up and to the right, beyond the first 7×7 kernel: the plain stack's blind spot, seen by the gated net.
    QCOMPARE(plain[9 * 28 + 11], 0.f);
    QVERIFY(trained[9 * 28 + 11] > 0);
  }
};

QTEST_MAIN(tst_PixelPage)
#include "tst_pixelpage.moc"
