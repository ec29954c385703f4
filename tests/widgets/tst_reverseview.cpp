// SPDX-License-Identifier: GPL-3.0-or-later
#include "digitview.h"
#include "pointcloudview.h"
#include "reverseview.h"

#include <QSignalSpy>
#include <cmath>
#include <qcustomplot.h>
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
  // A model told the class: the steps carry x̂0 told the class and told none, shown beside the
  // guided x̂0 for the step on screen; a model without classes shows neither.
  void showsBothPredictionsOfAGuidedStep() {
    ReverseView view;
    view.resize(1200, 700);
    view.setModel(QStringLiteral("told the class"), 10, false);
    view.show();
    auto* told = view.findChild<DigitView*>(QStringLiteral("reverseX0ToldView"));
    auto* untold = view.findChild<DigitView*>(QStringLiteral("reverseX0UntoldView"));
    QVERIFY(told && untold);
    view.beginTrajectory({9, 8}, QStringLiteral("every timestep"));
    view.appendFrame(0, 9, grey(10), grey(20), grey(30));
    view.setLastFramePredictions(grey(200), grey(100));
    view.appendFrame(1, 8, grey(11), grey(21), grey(31));
    view.setLastFramePredictions(grey(210), grey(110));
    view.endTrajectory(true, 0.1);
    QVERIFY(told->isVisible() && untold->isVisible());
    QCOMPARE(qGray(told->image().pixel(0, 0)), 210);
    QCOMPARE(qGray(untold->image().pixel(0, 0)), 110);
    view.setCurrentFrame(0);
    QCOMPARE(qGray(told->image().pixel(0, 0)), 200);
    QCOMPARE(qGray(untold->image().pixel(0, 0)), 100);
    // Another model, without classes: the two views go.
    view.setModel(QStringLiteral("no classes"), 10, false);
    fill(view, 3);
    QVERIFY(!told->isVisible() && !untold->isVisible());
  }

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

  // A round cloud of noise stays round in the saved frames, however wide the view is on screen.
  void savedPointFramesKeepEqualAxes() {
    ReverseView view;
    view.setModel(QStringLiteral("toy"), 2, true, {QPointF(-1, -1), QPointF(1, 1)});
    view.resize(1100, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect rect = view.pointsView()->plot()->axisRect()->rect();
    QVERIFY2(rect.width() > 1.3 * rect.height() || rect.height() > 1.3 * rect.width(),
             qPrintable(QStringLiteral("%1×%2").arg(rect.width()).arg(rect.height())));  // not square on screen
    QVector<QPointF> ring;  // 720 points on the unit circle
    for (int i = 0; i < 720; ++i)
      ring << QPointF(std::cos(i * M_PI / 360), std::sin(i * M_PI / 360));
    view.beginTrajectory({1, 0}, QStringLiteral("every timestep"));
    view.appendFrame(0, 1, {}, {}, {}, ring, ring);
    view.appendFrame(1, 0, {}, {}, {}, ring, ring);
    view.endTrajectory(true, 0.1);
    view.setCurrentFrame(0);
    QTest::qWait(100);  // drawn on screen first, as the student sees it before saving
    for (const QImage& frame : view.trajectoryImages()) {
      // The blue of the points: their extent across and up, in pixels.
      int left = frame.width(), right = -1, top = frame.height(), bottom = -1;
      for (int y = 0; y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x) {
          const QColor c = frame.pixelColor(x, y);
          if (c.blue() > 150 && c.red() < 150 && c.blue() - c.red() > 60) {
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
          }
        }
      QVERIFY(right > left && bottom > top);
      const double ratio = double(right - left) / double(bottom - top);
      QVERIFY2(ratio > 0.93 && ratio < 1.07, qPrintable(QStringLiteral("the circle is %1×%2 px").arg(right - left).arg(bottom - top)));
    }
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
