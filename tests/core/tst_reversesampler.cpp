// SPDX-License-Identifier: GPL-3.0-or-later
// The Diffusion page's sampler on a real (briefly trained) toy diffusion run, and the GIF export.
#include "gifwriter.h"
#include "reversesampler.h"
#include "trainedrun.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// ReverseSampler emits from its sampling thread, and a QSignalSpy records with a direct connection:
// a spy on the sampler itself appends on that thread while the test reads it here (a data race;
// ThreadSanitizer reported it). The spies listen to an idle second sampler on the test's thread,
// which gets every signal queued and in order, as the Diffusion page does.
static void relaySignals(ReverseSampler* from, ReverseSampler* to) {
  QObject::connect(from, &ReverseSampler::started, to, &ReverseSampler::started);
  QObject::connect(from, &ReverseSampler::frame, to, &ReverseSampler::frame);
  QObject::connect(from, &ReverseSampler::progress, to, &ReverseSampler::progress);
  QObject::connect(from, &ReverseSampler::finished, to, &ReverseSampler::finished);
  QObject::connect(from, &ReverseSampler::failed, to, &ReverseSampler::failed);
}

class tst_ReverseSampler : public QObject {
  Q_OBJECT
  QTemporaryDir m_runs;
  QString m_run;

  ReverseRequest request(const QString& sampler, int steps, int count) const {
    ReverseRequest r;
    r.runFolder = m_run;
    r.sampler = sampler;
    r.steps = steps;
    r.count = count;
    return r;
  }

 private Q_SLOTS:
  void initTestCase() {
    m_run = TestData::trainToyDiffusion(m_runs.path(), 2);
    QVERIFY(!m_run.isEmpty());
  }

  void keepsExactlyOneFramePerStep() {
    ReverseSampler relay, sampler;
    relaySignals(&sampler, &relay);
    QSignalSpy started(&relay, &ReverseSampler::started);
    QSignalSpy frames(&relay, &ReverseSampler::frame);
    QSignalSpy finished(&relay, &ReverseSampler::finished);
    QVERIFY(sampler.start(request(QStringLiteral("ddim"), 10, 300)).ok());
    QVERIFY(finished.wait(30000));
    QCOMPARE(frames.count(), 10);
    const auto times = started.first().at(1).value<QVector<int>>();
    QCOMPARE(times, (QVector<int>{99, 89, 79, 69, 59, 49, 39, 29, 19, 9}));  // linspace(−1, 99, 11)
    for (int i = 0; i < 10; ++i) {
      const auto f = frames.at(i).first().value<ReverseFrame>();
      QCOMPARE(f.index, i);
      QCOMPARE(f.t, times[i]);
      QCOMPARE(f.xtPoints.size(), 300);
      QCOMPARE(f.x0Points.size(), 300);
    }
    const auto result = finished.first().first().value<ReverseResult>();
    QVERIFY(result.completed);
    QCOMPARE(result.stepsDone, 10);
    QCOMPARE(result.endingPoints.size(), 300);
    QVERIFY(!result.ending.isNull());
    QCOMPARE(sampler.keptStateBytes(), qint64(10 * 300 * 2 * 2));  // float16 states for forks

    // DDPM visits all 100 timesteps.
    frames.clear();
    finished.clear();
    QVERIFY(sampler.start(request(QStringLiteral("ddpm"), 0, 50)).ok());
    QVERIFY(finished.wait(30000));
    QCOMPARE(frames.count(), 100);

    // A fork from step 40 (t = 59) of that trajectory with DDIM-6 sends no frames, only progress.
    ReverseRequest fork = request(QStringLiteral("ddim"), 6, 50);
    fork.purpose = ReverseRequest::Purpose::Fork;
    fork.forkFrom = 40;
    fork.seed = 9;
    frames.clear();
    finished.clear();
    QSignalSpy progress(&relay, &ReverseSampler::progress);
    QVERIFY(sampler.start(fork).ok());
    QVERIFY(finished.wait(30000));
    QCOMPARE(frames.count(), 0);
    QCOMPARE(progress.count(), 6);
    QCOMPARE(started.last().at(1).value<QVector<int>>().first(), 59);
    QVERIFY(finished.first().first().value<ReverseResult>().completed);
  }

  void cancelStopsBetweenSteps() {
    ReverseSampler relay, sampler;
    relaySignals(&sampler, &relay);
    QSignalSpy frames(&relay, &ReverseSampler::frame);
    QSignalSpy finished(&relay, &ReverseSampler::finished);
    // Cancel from the sampling thread itself as the 8th frame goes out (no race with a clock): the
    // sampler looks at the flag between steps, so exactly 8 steps are done.
    connect(&sampler, &ReverseSampler::frame, &sampler, [&sampler](const ReverseFrame& f) {
      if (f.index == 7)
        sampler.cancel();
    }, Qt::DirectConnection);
    QVERIFY(sampler.start(request(QStringLiteral("ddpm"), 0, 500)).ok());
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().first().value<ReverseResult>();
    QVERIFY(!result.completed);
    QCOMPARE(result.stepsDone, 8);
    QTRY_COMPARE(frames.count(), 8);
  }

  void badRequestsAreRefused() {
    ReverseSampler relay, sampler;
    relaySignals(&sampler, &relay);
    QSignalSpy failed(&relay, &ReverseSampler::failed);
    ReverseRequest r = request(QStringLiteral("ddim"), 10, 10);
    r.eta = 2;
    Status refused = sampler.start(r);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error.contains(QStringLiteral("η")));
    r = request(QStringLiteral("ddim"), 10, 10);
    r.purpose = ReverseRequest::Purpose::Fork;
    r.forkFrom = 3;
    refused = sampler.start(r);  // nothing kept yet
    QVERIFY(!refused.ok());
    QVERIFY(refused.error.contains(QStringLiteral("fork")));
    r = request(QStringLiteral("ddim"), 10, 10);
    r.runFolder = m_runs.filePath(QStringLiteral("missing"));
    QVERIFY(sampler.start(r).ok());  // checked on the worker: run.json is read there
    QVERIFY(failed.wait(10000));
  }

  void gifHasOneFramePerImage() {
    QTemporaryDir dir;
    QVector<QImage> grey, colour;
    for (int i = 0; i < 7; ++i) {
      QImage g(30, 20, QImage::Format_Grayscale8);
      g.fill(i * 30);
      grey << g;
      QImage c(30, 20, QImage::Format_RGB888);
      c.fill(QColor(i * 30, 255 - i * 30, 100));
      colour << c;
    }
    const QString a = dir.filePath(QStringLiteral("grey.gif")), b = dir.filePath(QStringLiteral("colour.gif"));
    QCOMPARE(writeAnimatedGif(a, grey, 40).error, QString());
    QCOMPARE(gifFrameCount(a).value, 7);
    QCOMPARE(writeAnimatedGif(b, colour, 40).error, QString());
    QCOMPARE(gifFrameCount(b).value, 7);
    QCOMPARE(QImage(a).size(), QSize(30, 20));  // Qt's own reader agrees it is a GIF of that size
    // Bad input: nothing is written.
    const QString c = dir.filePath(QStringLiteral("mixed.gif"));
    QVERIFY(writeAnimatedGif(c, {grey[0], QImage(10, 10, QImage::Format_Grayscale8)}, 40).error.contains(QStringLiteral("same size")));
    QVERIFY(!QFile::exists(c));
    QVERIFY(!writeAnimatedGif(dir.filePath(QStringLiteral("no/such/folder/x.gif")), grey, 40).ok());
    QFile junk(dir.filePath(QStringLiteral("junk.gif")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("GIF89a but not really");
    junk.close();
    const auto junkFrames = gifFrameCount(junk.fileName());
    QCOMPARE(junkFrames.value, -1);
    QVERIFY(!junkFrames.ok());
  }
};

QTEST_MAIN(tst_ReverseSampler)
#include "tst_reversesampler.moc"
