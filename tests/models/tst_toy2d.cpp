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

  // The sets made of parts label each point with its part: the same points as make_toy2d, the
  // label where the formula put the point (its angle, its moon, its ring).
  void partsAreLabelled() {
    for (const auto& name : toy2d_names()) {
      const auto set = make_toy2d_labelled(name, 3000, 4);
      QVERIFY2(set.points.equal(make_toy2d(name, 3000, 4)), name.c_str());
      QCOMPARE(set.labels.sizes().vec(), (std::vector<int64_t>{3000}));
      QCOMPARE(set.labels.scalar_type(), at::kLong);
      const auto classes = int64_t(toy2d_classes(name).size());
      if (classes == 0) {
        QVERIFY2(set.labels.eq(0).all().item<bool>(), name.c_str());
        continue;
      }
      // Every part is there, about equally often (3000 points: each share within 5 points of 1/classes).
      const auto counts = at::bincount(set.labels, {}, classes).to(at::kDouble) / 3000;
      QCOMPARE(counts.size(0), classes);
      QVERIFY2((counts - 1.0 / double(classes)).abs().max().item<double>() < 0.05, name.c_str());
    }
    QCOMPARE(toy2d_classes("moons").size(), size_t(2));
    QCOMPARE(toy2d_classes("8-gaussians").size(), size_t(8));
    QCOMPARE(toy2d_classes("rings").size(), size_t(3));
    QVERIFY(toy2d_classes("s-curve").empty());
    // 8 Gaussians: label k is the centre at k·45° (north is 2).
    const auto g = make_toy2d_labelled("8-gaussians", 2000, 5);
    QCOMPARE(toy2d_classes("8-gaussians")[2], std::string("north"));
    for (int i = 0; i < 2000; i += 3) {
      const double x = g.points[i][0].item<double>(), y = g.points[i][1].item<double>();
      const double k = double(g.labels[i].item<int64_t>());
      QVERIFY(std::hypot(x - std::cos(k * M_PI / 4), y - std::sin(k * M_PI / 4)) < 0.3);
    }
    // Rings: label 0, 1, 2 at radius 1/3, 2/3, 1.
    const auto r = make_toy2d_labelled("rings", 2000, 6);
    const auto radius = r.points.pow(2).sum(1).sqrt();
    QVERIFY((radius - (r.labels.to(at::kFloat) + 1) / 3).abs().max().item<float>() < 0.12f);
    // Moons: the upper moon (0) is the half circle about (0, 0) above y = 0 − noise; the lower (1)
    // the one about (1, 0.5) below y = 0.5 + noise.
    const auto m = make_toy2d_labelled("moons", 2000, 7);
    const auto y = m.points.select(1, 1);
    QVERIFY(y.masked_select(m.labels.eq(0)).min().item<float>() > -0.3f);
    QVERIFY(y.masked_select(m.labels.eq(1)).max().item<float>() < 0.8f);
    const auto fromCentre = (m.points - at::tensor({1.0f, 0.5f})).pow(2).sum(1).sqrt();
    QVERIFY((fromCentre.masked_select(m.labels.eq(1)) - 1).abs().max().item<float>() < 0.3f);
    QVERIFY((m.points.pow(2).sum(1).sqrt().masked_select(m.labels.eq(0)) - 1).abs().max().item<float>() < 0.3f);
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
