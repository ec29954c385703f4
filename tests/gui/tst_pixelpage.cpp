// SPDX-License-Identifier: GPL-3.0-or-later
// The Pixel by pixel page on a real (briefly trained) PixelCNN run: it writes every pixel, pauses
// and steps one pixel at a time, completes held-out digits without touching the given half, and
// shows a receptive field that is zero at and after the clicked pixel.
#include "mainwindow.h"
#include "pixelpage.h"
#include "pixelwriter.h"
#include "pixelwriteview.h"
#include "registry.h"
#include "testdata.h"
#include "trainingworker.h"

#include <QCheckBox>
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
  }

  // A page that writes as fast as it can.
  static void fastest(PixelPage& page) {
    auto* pace = page.findChild<QComboBox*>(QStringLiteral("paceCombo"));
    pace->setCurrentIndex(pace->count() - 1);
  }

  void writesEveryPixelAndStepsOneAtATime() {
    PixelPage page;
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
    QVERIFY(frames.wait(5000));
    QCOMPARE(frames.takeLast().at(0).value<PixelWriteFrame>().position, at + 1);
    page.writer()->cancel();
  }

  void completionKeepsTheGivenHalf() {
    PixelPage page;
    fastest(page);
    QVERIFY(page.openRun(m_run).ok());
    page.findChild<QComboBox*>(QStringLiteral("startCombo"))->setCurrentIndex(1);  // bottom half hidden
    QSignalSpy frames(page.writer(), &PixelWriter::frame);
    page.write();
    QVERIFY(frames.wait(10000));
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

  void receptiveFieldIsCausal() {
    PixelPage page;
    fastest(page);
    QVERIFY(page.openRun(m_run).ok());
    QSignalSpy frames(page.writer(), &PixelWriter::frame);
    page.write();
    QVERIFY(untilDone(frames).done);
    QSignalSpy fields(page.writer(), &PixelWriter::receptiveField);
    page.writer()->requestReceptiveField(1, 10, 6);
    QVERIFY(fields.wait(10000));
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
