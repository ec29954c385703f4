// SPDX-License-Identifier: GPL-3.0-or-later
#include "latentaxis.h"

#include <QTest>
#include <cmath>

class tst_LatentAxis : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void quantile_data() {
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("z");
    // Standard normal table values.
    QTest::newRow("median") << 0.5 << 0.0;
    QTest::newRow("97.5%") << 0.975 << 1.959963984540054;
    QTest::newRow("2.5%") << 0.025 << -1.959963984540054;
    QTest::newRow("84.13%") << 0.8413447460685429 << 1.0;
    QTest::newRow("0.1% (lower tail)") << 0.001 << -3.090232306167813;
    QTest::newRow("99.9% (upper tail)") << 0.999 << 3.090232306167813;
    QTest::newRow("1e-6") << 1e-6 << -4.753424308822899;
  }
  void quantile() {
    QFETCH(double, p);
    QFETCH(double, z);
    QVERIFY2(std::abs(LatentAxis::normalQuantile(p) - z) < 1e-9, qPrintable(QString::number(LatentAxis::normalQuantile(p), 'g', 17)));
    QVERIFY(std::abs(LatentAxis::normalCdf(z) - p) < 1e-12);
  }

  void sliderMapping() {
    // Ends are ±3σ, the middle is 0.
    QVERIFY(std::abs(LatentAxis::fractionToLatent(0.0) + 3.0) < 1e-9);
    QVERIFY(std::abs(LatentAxis::fractionToLatent(1.0) - 3.0) < 1e-9);
    QVERIFY(std::abs(LatentAxis::fractionToLatent(0.5)) < 1e-12);
    // Equal travel = equal prior mass: a quarter of the way holds a quarter of the mass between
    // Φ(−3) = 0.0013499 and Φ(3) = 0.9986501, i.e. p = 0.0013499 + 0.25 · 0.9973002 = 0.2506749.
    const double p = 0.0013498980316301 + 0.25 * (0.9986501019683699 - 0.0013498980316301);
    QVERIFY(std::abs(LatentAxis::fractionToLatent(0.25) - LatentAxis::normalQuantile(p)) < 1e-12);
    QVERIFY(std::abs(LatentAxis::fractionToLatent(0.25) + 0.6726) < 1e-3);  // table: Φ⁻¹(0.25067) ≈ −0.6726
    // Inverse, and clamping outside the span.
    for (double f : {0.0, 0.1, 0.37, 0.5, 0.9, 1.0})
      QVERIFY(std::abs(LatentAxis::latentToFraction(LatentAxis::fractionToLatent(f)) - f) < 1e-9);
    QCOMPARE(LatentAxis::latentToFraction(10.0), 1.0);
    QCOMPARE(LatentAxis::latentToFraction(-10.0), 0.0);
  }
};

QTEST_APPLESS_MAIN(tst_LatentAxis)
#include "tst_latentaxis.moc"
