// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/toy2d.h"

#include <ATen/ATen.h>
#include <QTest>
#include <cmath>

using namespace genlab;

class tst_Toy2D : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everySetIsSeededAndTwoDimensional() {
    for (const auto& name : toy2d_names()) {
      const auto a = make_toy2d(name, 10000, 7), b = make_toy2d(name, 10000, 7), c = make_toy2d(name, 10000, 8);
      QCOMPARE(a.sizes().vec(), (std::vector<int64_t>{10000, 2}));
      QVERIFY2(a.equal(b), name.c_str());
      QVERIFY2(!a.equal(c), name.c_str());
      QVERIFY(a.isfinite().all().item<bool>());
    }
  }

  void sCurveAsSeed002() {
    // x = (sin t + 0.1ε)/10 with t ∈ [−3π/2, 3π/2], z = (sign t·(cos t − 1) + 0.1ε)/10 ∈ [−0.2, 0.2] ± noise.
    const auto p = make_toy2d("s-curve", 10000, 1);
    QVERIFY(p.select(1, 0).abs().max().item<float>() < (1 + 0.5f) / 10);
    QVERIFY(p.select(1, 1).abs().max().item<float>() < (2 + 0.5f) / 10);
    // Both arms: about as many points with z > 0 as with z < 0 (t > 0 ⇔ z ≤ 0 before noise).
    const double positive = (p.select(1, 1) > 0).to(at::kFloat).mean().item<double>();
    QVERIFY2(positive > 0.45 && positive < 0.55, qPrintable(QString::number(positive)));
  }

  void pointsLieWhereTheFormulaPutsThem() {
    // 8 Gaussians: every point within 6σ = 0.3 of a centre on the unit circle at k·45°.
    auto g = make_toy2d("8-gaussians", 5000, 2);
    for (int i = 0; i < 5000; i += 7) {
      const double x = g[i][0].item<double>(), y = g[i][1].item<double>();
      const double k = std::round(std::atan2(y, x) / (M_PI / 4));
      QVERIFY(std::hypot(x - std::cos(k * M_PI / 4), y - std::sin(k * M_PI / 4)) < 0.3);
    }
    // Rings: every radius within 6σ = 0.12 of 1/3, 2/3 or 1.
    auto r = make_toy2d("rings", 5000, 3);
    const auto radius = r.pow(2).sum(1).sqrt();
    const auto nearest = (radius * 3).round().clamp(1, 3) / 3;
    QVERIFY((radius - nearest).abs().max().item<float>() < 0.12f);
  }

  void unknownNamesAreRefused() {
    try {
      make_toy2d("spiral", 10, 1);
      QFAIL("no error");
    } catch (const c10::Error& e) {
      QVERIFY2(QString::fromUtf8(e.what_without_backtrace()).contains(QStringLiteral("unknown toy 2-D set 'spiral' (s-curve, swiss-roll")),
               e.what_without_backtrace());
    }
    QVERIFY_THROWS_EXCEPTION(c10::Error, make_toy2d("moons", 0, 1));
  }
};

QTEST_APPLESS_MAIN(tst_Toy2D)
#include "tst_toy2d.moc"
