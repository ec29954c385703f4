// SPDX-License-Identifier: GPL-3.0-or-later
#include "pointcloudview.h"
#include "reverseview.h"

#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QPushButton>
#include <QToolButton>

class tst_ReverseView : public QObject {
  Q_OBJECT

  static QImage grey(int value) {
    QImage image(28, 28, QImage::Format_Grayscale8);
    image.fill(value);
    return image;
  }
  static void fill(ReverseView& view, int steps) {
    QVector<int> times;
    for (int i = 0; i < steps; ++i)
      times << steps - 1 - i;
    view.beginTrajectory(times, QStringLiteral("every timestep"));
    for (int i = 0; i < steps; ++i)
      view.appendFrame(i, steps - 1 - i, grey(i % 256), grey(255 - i % 256), grey(128));
    view.endTrajectory(true, 1.5);
  }

 private Q_SLOTS:
  void keepsEveryFrameAndNavigatesByKeyboard() {
    ReverseView view;
    view.setModel(QStringLiteral("test model"), 1000, false);
    view.show();
    fill(view, 1000);
    QCOMPARE(view.frameCount(), 1000);
    QCOMPARE(view.currentFrame(), 999);  // live view follows the newest step
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.currentFrame(), 0);
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.currentFrame(), 1);
    QTest::keyClick(&view, Qt::Key_Right);
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.currentFrame(), 1);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.currentFrame(), 999);
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.frameT(view.currentFrame()), 1);
    // Space plays from where it stands; it stops at the end.
    view.setCurrentFrame(990);
    QTest::keyClick(&view, Qt::Key_Space);
    QVERIFY(view.isPlaying());
    QTRY_COMPARE_WITH_TIMEOUT(view.currentFrame(), 999, 5000);
    QTRY_VERIFY(!view.isPlaying());
    // The filmstrip: 11 thumbnails at regular intervals; clicking one jumps there.
    QCOMPARE(view.filmstripCount(), 11);
    const auto buttons = view.findChildren<QToolButton*>(QStringLiteral("filmstripButton"));
    QCOMPARE(buttons.size(), 11);
    buttons[5]->click();
    QCOMPARE(view.currentFrame(), 500);  // round(5 · 999 / 10)
    QVERIFY(buttons[5]->text().contains(QStringLiteral("499")));
    QCOMPARE(view.trajectoryImages().size(), 1000);
    QVERIFY(!view.currentFrameImage().isNull());
    QVERIFY(!view.filmstripImage().isNull());
  }

  void aNewTrajectoryStartsEmpty() {
    ReverseView view;
    view.setModel(QStringLiteral("test model"), 1000, false);
    fill(view, 20);
    QVector<int> times{999, 979};
    view.beginTrajectory(times, QStringLiteral("DDIM"));
    QCOMPARE(view.frameCount(), 0);
    QCOMPARE(view.currentFrame(), -1);
  }

  void toyViewPlotsEveryPoint() {
    ReverseView view;
    QVector<QPointF> data;
    for (int i = 0; i < 500; ++i)
      data << QPointF(std::sin(i * 0.1), std::cos(i * 0.07));
    view.setModel(QStringLiteral("toy"), 100, true, data);
    view.show();
    QVector<int> times;
    for (int t = 99; t >= 0; --t)
      times << t;
    view.beginTrajectory(times, QStringLiteral("every timestep"));
    for (int i = 0; i < 100; ++i) {
      QVector<QPointF> points;
      for (int p = 0; p < 777; ++p)
        points << QPointF(p * 0.001 * (100 - i), i * 0.01);
      view.appendFrame(i, 99 - i, {}, {}, {}, points, points);
    }
    view.endTrajectory(true, 0.2);
    view.setCurrentFrame(42);
    QCOMPARE(view.pointsView()->pointCount(), 777);
    QCOMPARE(view.trajectoryImages().size(), 100);
    QCOMPARE(view.pointsView()->pointCount(), 777);  // drawing the GIF frames leaves the view as it was
  }

  void buttonsAskForWork() {
    ReverseView view;
    QSignalSpy run(&view, &ReverseView::runRequested);
    QSignalSpy fork(&view, &ReverseView::forkRequested);
    view.setModel(QStringLiteral("m"), 1000, false);
    view.setSettings({QStringLiteral("ddim"), 25, 0.5, 7, 9, false, QStringLiteral("bf16")});
    view.findChild<QPushButton*>(QStringLiteral("runSamplerButton"))->click();
    QCOMPARE(run.count(), 1);
    const auto s = run.first().first().value<ReverseSettings>();
    QCOMPARE(s.sampler, QStringLiteral("ddim"));
    QCOMPARE(s.steps, 25);
    QCOMPARE(s.eta, 0.5);
    QCOMPARE(s.seed, quint64(7));
    QCOMPARE(s.count, 9);
    QVERIFY(!s.ema);
    QCOMPARE(s.precision, QStringLiteral("bf16"));
    fill(view, 30);
    view.setCurrentFrame(12);
    view.findChild<QPushButton*>(QStringLiteral("forkButton"))->click();
    QCOMPARE(fork.count(), 1);
    QCOMPARE(fork.first().first().toInt(), 12);
  }
};

QTEST_MAIN(tst_ReverseView)
#include "tst_reverseview.moc"
