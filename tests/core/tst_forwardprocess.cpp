// SPDX-License-Identifier: GPL-3.0-or-later
// The Diffusion page's forward process against x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε computed here with
// LibTorch from the linear schedule's formula (β = linspace(1e-4·s, 2e-2·s, T), s = 1000/T) and
// the same seeded torch.randn.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "forwardprocess.h"
#include "testdata.h"

#include <QTest>

class tst_ForwardProcess : public QObject {
  Q_OBJECT

  static at::Tensor linearAlphaBar(int T) {
    const double s = 1000.0 / T;
    return at::cumprod(1 - at::linspace(1e-4 * s, 2e-2 * s, T, at::TensorOptions(at::kDouble)), 0);
  }

 private Q_SLOTS:
  void greyImagePixelsFollowTheFormula() {
    // A known 9×7 grey image: a diagonal ramp.
    QImage image(9, 7, QImage::Format_Grayscale8);
    for (int y = 0; y < 7; ++y)
      for (int x = 0; x < 9; ++x)
        image.scanLine(y)[x] = uchar((x * 28 + y * 9) % 256);
    ForwardProcess f;
    QCOMPARE(f.setSchedule(QStringLiteral("linear"), 1000).error, QString());
    f.setSeed(42);
    f.setImage(image);
    const auto ab = linearAlphaBar(1000);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(42);
    const auto eps = at::randn({1, 7, 9}, gen, at::TensorOptions(at::kFloat)).to(at::kDouble);
    at::Tensor x0 = at::empty({1, 7, 9}, at::kDouble);
    for (int y = 0; y < 7; ++y)
      for (int x = 0; x < 9; ++x)
        x0[0][y][x] = image.pixelColor(x, y).red() / 255.0 * 2 - 1;
    QCOMPARE(f.imageAt(0), image);  // t = 0 is x0 itself
    int worst = 0;
    for (int t : {1, 10, 250, 500, 999, 1000}) {
      const double a = ab[t - 1].item<double>();
      QCOMPARE(f.alphaBar(t), a);
      const auto xt = std::sqrt(a) * x0 + std::sqrt(1 - a) * eps;
      const auto expected = ((xt + 1) / 2).clamp(0, 1).mul(255).round();
      const QImage shown = f.imageAt(t);
      QCOMPARE(shown.size(), image.size());
      for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 9; ++x)
          worst = std::max(worst, std::abs(qGray(shown.pixel(x, y)) - int(expected[0][y][x].item<double>())));
    }
    QVERIFY2(worst <= 1, qPrintable(QStringLiteral("largest pixel difference %1").arg(worst)));  // float vs double rounding
    QCOMPARE(f.snr(0), std::numeric_limits<double>::infinity());
    QVERIFY(std::abs(f.snr(500) - ab[499].item<double>() / (1 - ab[499].item<double>())) < 1e-12);
  }

  void rgbImageAndNewSeed() {
    QImage image(4, 4, QImage::Format_RGB888);
    image.fill(QColor(255, 0, 128));
    ForwardProcess f;
    f.setImage(image);
    f.setSeed(7);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
    const auto eps = at::randn({3, 4, 4}, gen, at::TensorOptions(at::kFloat));
    const double a = linearAlphaBar(1000)[99].item<double>();
    const QImage shown = f.imageAt(100);
    QCOMPARE(shown.format(), QImage::Format_RGB888);
    const double red = std::sqrt(a) * 1.0 + std::sqrt(1 - a) * eps[0][2][3].item<double>();
    const double blue = std::sqrt(a) * (128 / 255.0 * 2 - 1) + std::sqrt(1 - a) * eps[2][2][3].item<double>();
    QVERIFY(std::abs(shown.pixelColor(3, 2).red() - std::lround(std::clamp((red + 1) / 2, 0.0, 1.0) * 255)) <= 1);
    QVERIFY(std::abs(shown.pixelColor(3, 2).blue() - std::lround(std::clamp((blue + 1) / 2, 0.0, 1.0) * 255)) <= 1);
    const QImage before = f.imageAt(500);
    f.setSeed(8);
    QVERIFY(f.imageAt(500) != before);  // a new seed, new noise
    QCOMPARE(f.imageAt(0), image.convertToFormat(QImage::Format_RGB888));
  }

  void pointsAndSchedules() {
    ForwardProcess f;
    const auto points = ForwardProcess::toyPoints(QStringLiteral("toy:s-curve"), 300);
    QCOMPARE(points.size(), 300);
    f.setPoints(points);
    QCOMPARE(f.setSchedule(QStringLiteral("cosine"), 200).error, QString());
    QCOMPARE(f.pointsAt(0), points);
    QCOMPARE(f.pointsAt(200).size(), 300);
    QCOMPARE(f.timesteps(), 200);
    // Cosine keeps more signal halfway than linear does.
    const double cosineHalf = f.alphaBar(100);
    QCOMPARE(f.setSchedule(QStringLiteral("linear"), 200).error, QString());
    QVERIFY(cosineHalf > f.alphaBar(100));
    QVERIFY(!f.setSchedule(QStringLiteral("linear"), 10).error.isEmpty());  // β ≥ 1: refused with a message
    QVERIFY(!f.setSchedule(QStringLiteral("zigzag"), 100).error.isEmpty());
    QCOMPARE(f.timesteps(), 200);  // the last good schedule stays
  }

  void datasetImages() {
    REQUIRE_MNIST();
    const auto digit = ForwardProcess::datasetImage(QStringLiteral("mnist"), 3);
    QVERIFY2(digit.ok(), qPrintable(digit.error));
    QVERIFY(!digit.value.image.isNull());
    QCOMPARE(digit.value.image.size(), QSize(28, 28));
    QVERIFY(digit.value.description.contains(QStringLiteral("labelled")));
    const auto missing = ForwardProcess::datasetImage(QStringLiteral("mnist"), 99999);
    QVERIFY(!missing.ok());
    QVERIFY(missing.value.image.isNull());
    QVERIFY(missing.error.contains(QStringLiteral("99999")));
  }
};

QTEST_MAIN(tst_ForwardProcess)
#include "tst_forwardprocess.moc"
