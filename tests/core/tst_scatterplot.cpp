// SPDX-License-Identifier: GPL-3.0-or-later
// The toy models' pictures: where a point lands on the plot (pixels computed by hand from the
// frame rule: equal scales, 10% margin, y up), the middle-96% frame of a wide cloud, and the
// Explore page's decoder drawing a trained toy decoder's point.
#include "plotdecoder.h"
#include "scatterplot.h"

#include "data/toy2d.h"
#include "nn/device.h"
#include "toy/toy_models.h"

#include <QTest>
#include <array>
#include <cmath>

namespace {
constexpr int kSide = 160;
std::array<float, 3> rgbAt(const std::vector<float>& image, int x, int y) {
  const size_t plane = size_t(kSide) * size_t(kSide), at = size_t(y) * size_t(kSide) + size_t(x);
  return {image[at], image[plane + at], image[2 * plane + at]};
}
const std::array<float, 3> kWhite{1.f, 1.f, 1.f}, kGrey{0.78f, 0.78f, 0.78f}, kBlue{0.12f, 0.35f, 0.85f},
    kRed{0.86f, 0.16f, 0.12f}, kInk{0.1f, 0.1f, 0.1f};
}  // namespace

class tst_ScatterPlot : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void pointsLandWhereTheFrameSays() {
    // Background (0, 0) and (1, 1): centre (0.5, 0.5), half-width 0.55·1 = 0.55 on both axes.
    const ScatterPlot plot({0.f, 0.f, 1.f, 1.f}, kSide);
    QCOMPARE(plot.canvas().size(), size_t(3 * kSide * kSide));
    // (0, 0): column ⌊0.05 / 1.1 · 160⌋ = 7, row ⌊1.05 / 1.1 · 160⌋ = 152 (y grows upwards).
    QCOMPARE((plot.pixelOf(0, 0)), (std::array<long, 2>{7, 152}));
    QCOMPARE(rgbAt(plot.canvas(), 7, 152), kGrey);
    QCOMPARE(rgbAt(plot.canvas(), 152, 7), kGrey);  // (1, 1)
    QCOMPARE(rgbAt(plot.canvas(), 80, 80), kWhite);
    const auto dots = plot.withPoints({0.5f, 0.5f, 50.f, 50.f});  // the second is off the canvas
    QCOMPARE(rgbAt(dots, 80, 80), kBlue);  // ⌊0.55 / 1.1 · 160⌋ = 80
    QCOMPARE(rgbAt(dots, 81, 80), kBlue);  // radius 1
    QCOMPARE(rgbAt(dots, 82, 80), kWhite);
    const auto marker = plot.withMarker(0.5f, 0.5f);
    QCOMPARE(rgbAt(marker, 80, 80), kRed);
    QCOMPARE(rgbAt(marker, 83, 80), kRed);  // radius 3
    QCOMPARE(rgbAt(marker, 84, 80), kInk);  // the ring, radius 4
    QCOMPARE(rgbAt(marker, 85, 80), kWhite);
    // Not a number draws nothing (a diverged model's point).
    QCOMPARE(plot.withPoints({std::nanf(""), 0.5f}), plot.canvas());
  }

  void aWideCloudIsFramedByItsMiddle() {
    // x = 0, 1, …, 100 on y = 0: the 2% and 98% quantiles are 2 and 98, so with the background
    // the frame spans x 0 … 98, y 0 … 1: centre (49, 0.5), half-width 0.55 · 98 = 53.9.
    std::vector<float> points;
    for (int i = 0; i <= 100; ++i)
      points.insert(points.end(), {float(i), 0.f});
    const auto fitted = plotPoints({0.f, 0.f, 1.f, 1.f}, points, kSide, true);
    // x = 50: ⌊(50 − 49 + 53.9) / 107.8 · 160⌋ = 81; y = 0: ⌊(0.5 + 53.9) / 107.8 · 160⌋ = 80.
    QCOMPARE(rgbAt(fitted, 81, 80), kBlue);
    // Without fitting, the frame is the background's and x = 50 is far off to the right.
    const auto unfitted = plotPoints({0.f, 0.f, 1.f, 1.f}, points, kSide, false);
    QCOMPARE(rgbAt(unfitted, 80, 80), kWhite);
    QCOMPARE(rgbAt(unfitted, 7, 152), kBlue);  // the point (0, 0) over the background's
  }

  void theExploreDecoderDrawsTheTrainedPoint() {
    const auto moons = genlab::make_toy2d("moons", 500, 1);
    genlab::ToyTrainer trainer(genlab::ToyModelOptions().kind(genlab::ToyKind::Vae),
                               genlab::ToyTrainerOptions().batch_size(100), moons);
    for (int i = 0; i < 20; ++i)
      trainer.step();
    const auto points = trainer.point_decoder();
    const auto shared = std::make_shared<const ScatterPlot>(genlab::floats_of(moons), kSide);
    const ScatterPlot& backdrop = *shared;
    const PlotDecoder decoder(points, shared);
    QCOMPARE(decoder.latent_dim(), int64_t(2));
    QCOMPARE(decoder.side(), int64_t(kSide));
    const auto p = points->points({0.f, 0.f});
    QCOMPARE(p.size(), size_t(2));
    const auto image = decoder.decode({0.f, 0.f});
    QCOMPARE(image, backdrop.withMarker(p[0], p[1]));
    const auto [x, y] = backdrop.pixelOf(p[0], p[1]);
    QVERIFY2(x >= 0 && y >= 0 && x < kSide && y < kSide, "the decoded point lies on the plot of the data");
    QCOMPARE(rgbAt(image, int(x), int(y)), kRed);
    QVERIFY(decoder.decode({0.f}).empty());  // a code of the wrong size
    const std::vector<float> codes{0.f, 0.f, 1.f, -1.f, -1.f, 1.f};
    QCOMPARE(decoder.plot(codes), backdrop.withPoints(points->points(codes)));
  }
};

QTEST_GUILESS_MAIN(tst_ScatterPlot)
#include "tst_scatterplot.moc"
