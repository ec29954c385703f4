// SPDX-License-Identifier: GPL-3.0-or-later
#include "digitview.h"
#include "latentexplorer.h"
#include "latentpad.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

class tst_LatentExplorer : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void offersTrainingWithoutAModel() {
    LatentExplorer e;
    e.show();
    QVERIFY(!e.hasModel());
    auto* button = e.findChild<QPushButton*>(QStringLiteral("trainDefaultButton"));
    QVERIFY(button && button->isVisible());
    QSignalSpy spy(&e, &LatentExplorer::trainDefaultRequested);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    e.setTrainingStatus(QStringLiteral("Training…"));
    QVERIFY(!button->isEnabled());  // no second run while one trains
  }

  void slidersEmitLatentValues() {
    LatentExplorer e;
    e.setHasModel(true);
    e.show();
    auto* s0 = e.findChild<QSlider*>(QStringLiteral("latentSlider0"));
    auto* s1 = e.findChild<QSlider*>(QStringLiteral("latentSlider1"));
    QVERIFY(s0 && s1);
    QSignalSpy spy(&e, &LatentExplorer::latentChanged);
    s0->setValue(LatentExplorer::kSliderSteps);  // right end: +3σ
    QCOMPARE(spy.count(), 1);
    QPointF z = spy.last().first().toPointF();
    QVERIFY(std::abs(z.x() - 3.0) < 1e-9);
    QVERIFY(std::abs(z.y()) < 1e-9);
    // Keyboard: Home moves to the left end, −3σ.
    s1->setFocus();
    QTest::keyClick(s1, Qt::Key_Home);
    z = spy.last().first().toPointF();
    QVERIFY(std::abs(z.y() + 3.0) < 1e-9);
    QCOMPARE(e.findChild<QLabel*>(QStringLiteral("latentValue1"))->text(), QStringLiteral("-3.00"));
    // The pad follows the sliders.
    auto* pad = e.findChild<LatentPad*>(QStringLiteral("latentPad"));
    QCOMPARE(pad->position(), QPointF(1.0, 0.0));
  }

  void padMovesBothDimensions() {
    LatentExplorer e;
    e.setHasModel(true);
    e.resize(900, 500);
    e.show();
    QVERIFY(QTest::qWaitForWindowExposed(&e));
    auto* pad = e.findChild<LatentPad*>(QStringLiteral("latentPad"));
    QSignalSpy spy(&e, &LatentExplorer::latentChanged);
    // Click the top-right quadrant of the pad's square: both values positive.
    const int side = std::min(pad->width(), pad->height()) - 2;
    const QPoint topLeft((pad->width() - side) / 2, (pad->height() - side) / 2);
    QTest::mouseClick(pad, Qt::LeftButton, {}, topLeft + QPoint(side * 3 / 4, side / 4));
    QCOMPARE(spy.count(), 1);
    const QPointF z = spy.last().first().toPointF();
    QVERIFY2(z.x() > 0.5 && z.y() > 0.5, qPrintable(QStringLiteral("%1, %2").arg(z.x()).arg(z.y())));
    auto* s0 = e.findChild<QSlider*>(QStringLiteral("latentSlider0"));
    QVERIFY(s0->value() > LatentExplorer::kSliderSteps * 7 / 10);
    // Arrow keys nudge.
    pad->setFocus();
    QTest::keyClick(pad, Qt::Key_Left);
    QVERIFY(spy.last().first().toPointF().x() < z.x());
    // setLatent round-trips through the sliders.
    e.setLatent(QPointF(1.0, -0.5));
    QVERIFY(std::abs(e.latent().x() - 1.0) < 0.02);
    QVERIFY(std::abs(e.latent().y() + 0.5) < 0.02);
  }

  void picksDimensionsForLargerCodes() {
    LatentExplorer e;
    e.setHasModel(true);
    e.show();
    auto* x = e.findChild<QComboBox*>(QStringLiteral("dimensionCombo0"));
    auto* y = e.findChild<QComboBox*>(QStringLiteral("dimensionCombo1"));
    auto* others = e.findChild<QComboBox*>(QStringLiteral("othersCombo"));
    auto* reroll = e.findChild<QPushButton*>(QStringLiteral("rerollButton"));
    e.setLatentDim(2);
    QVERIFY(!x->isVisible());  // two dimensions: nothing to choose
    e.setLatentDim(8);
    QVERIFY(x->isVisible());
    QCOMPARE(x->count(), 8);
    QCOMPARE(e.dimensions(), qMakePair(0, 1));
    QSignalSpy changed(&e, &LatentExplorer::latentChanged);
    x->setFocus();
    QTest::keyClick(x, Qt::Key_End);  // z8
    y->setFocus();
    QTest::keyClick(y, Qt::Key_Down);  // z3
    QCOMPARE(e.dimensions(), qMakePair(7, 2));
    QCOMPARE(changed.count(), 2);
    QVERIFY(!reroll->isEnabled());
    QVERIFY(!e.othersAtRandom());
    others->setFocus();
    QTest::keyClick(others, Qt::Key_Down);
    QVERIFY(e.othersAtRandom());
    QVERIFY(reroll->isEnabled());
    QSignalSpy rerolled(&e, &LatentExplorer::rerollRequested);
    QTest::mouseClick(reroll, Qt::LeftButton);
    QCOMPARE(rerolled.count(), 1);
  }

  void showsTheDecodedImage() {
    LatentExplorer e;
    e.setHasModel(true);
    QImage img(28, 28, QImage::Format_Grayscale8);
    img.fill(200);
    e.setDecodedImage(img);
    QCOMPARE(e.findChild<DigitView*>(QStringLiteral("decodedDigit"))->image(), img);
  }
};

QTEST_MAIN(tst_LatentExplorer)
#include "tst_latentexplorer.moc"
