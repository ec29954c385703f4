// SPDX-License-Identifier: GPL-3.0-or-later
#include "parametercount.h"
#include "nn/conv_transpose.h"
#include "gan/dcgan.h"
#include "data/mnist_dataset.h"
#include "testdata.h"

#include <ATen/ATen.h>
#include <QTemporaryDir>
#include <QTest>
#include <torch/optim/adam.h>

using namespace genlab;

class tst_DCGAN : public QObject {
  Q_OBJECT

  static int64_t count(torch::nn::Module& m) { return parameterCount(m); }

 private Q_SLOTS:
  void shapes_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("channels");
    QTest::newRow("28 px grey") << 28 << 1;
    QTest::newRow("32 px RGB") << 32 << 3;
    QTest::newRow("64 px RGB") << 64 << 3;
  }
  void shapes() {
    QFETCH(int, size);
    QFETCH(int, channels);
    torch::manual_seed(0);
    const auto o = DCGANOptions().image_size(size).channels(channels).width(16);
    Generator g(o);
    Discriminator d(o);
    const auto images = g->forward(at::randn({3, 64}));
    QCOMPARE(images.sizes().vec(), (std::vector<int64_t>{3, channels, size, size}));
    QVERIFY(images.abs().max().item<float>() <= 1.f);  // tanh
    QCOMPARE(d->forward(images).sizes().vec(), (std::vector<int64_t>{3}));
  }

  void parameterCountByHand() {
    // 28 px, width 64, z = 64.
    // G: Linear 64 → 128·7·7 = 6272: 64·6272 + 6272 = 407,680; BatchNorm(128): 256;
    //    ConvT 128 → 64, 4×4, no bias: 131,072; BatchNorm(64): 128; ConvT 64 → 1, 4×4 + bias: 1,025.
    //    Total 540,161.
    // D: Conv 1 → 64, 4×4 + bias: 1,088; Conv 64 → 128, 4×4, no bias: 131,072; BatchNorm(128): 256;
    //    Linear 128·7·7 → 1: 6,273. Total 138,689.
    Generator g;
    Discriminator d;
    QCOMPARE(count(*g), int64_t(540161));
    QCOMPARE(count(*d), int64_t(138689));
  }

  void adamMatchesTorchAdam() {
    torch::manual_seed(4);
    auto a = at::randn({5, 3}).requires_grad_(true);
    auto b = a.detach().clone().requires_grad_(true);
    Adam mine({{"w", a}}, 0.01, 0.5, 0.999);
    torch::optim::Adam ref({b}, torch::optim::AdamOptions(0.01).betas({0.5, 0.999}));
    for (int i = 0; i < 6; ++i) {
      const auto target = at::randn({5, 3});
      mine.zero_grad();
      ref.zero_grad();
      ((a - target).pow(2).sum() * (i + 1)).backward();
      ((b - target).pow(2).sum() * (i + 1)).backward();
      mine.step();
      ref.step();
    }
    QVERIFY((a - b).abs().max().item<float>() < 1e-6f);
  }

  void trainsOnDigitsAndResumesExactly() {
    REQUIRE_MNIST();
    auto train = load_mnist_split(TestData::mnistFolder().toStdString(), "train");
    QVERIFY2(train.ok(), train.error.c_str());
    const auto images = train.value.images.narrow(0, 0, 2048).view({-1, 1, 28, 28});
    at::set_num_threads(2);
    const auto model = DCGANOptions().width(16).latent_dim(16);
    const auto opts = GanTrainerOptions().batch_size(64);
    GanTrainer straight(model, opts, images);
    std::vector<GanLosses> expected;
    for (int i = 0; i < 60; ++i)
      expected.push_back(straight.step());
    double real = 0, fake = 0;
    for (int i = 50; i < 60; ++i) {
      QVERIFY(std::isfinite(expected[size_t(i)].d_loss) && std::isfinite(expected[size_t(i)].g_loss));
      real += expected[size_t(i)].d_real;
      fake += expected[size_t(i)].d_fake;
    }
    qInfo("after 60 steps: mean D(x) %.3f, mean D(G(z)) %.3f", real / 10, fake / 10);
    QVERIFY(real > fake);  // the discriminator tells them apart better than chance
    const auto samples = straight.sample(16, 3);
    QCOMPARE(samples.sizes().vec(), (std::vector<int64_t>{16, 1, 28, 28}));
    QVERIFY(samples.min().item<float>() >= 0.f && samples.max().item<float>() <= 1.f);

    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    GanTrainer first(model, opts, images);
    for (int i = 0; i < 40; ++i)
      first.step();
    QCOMPARE(QString::fromStdString(first.save_checkpoint(w, st)), QString());
    GanTrainer resumed(model, GanTrainerOptions().batch_size(64).seed(77), images);
    QCOMPARE(QString::fromStdString(resumed.load_checkpoint(w, st)), QString());
    QCOMPARE(resumed.steps_done(), int64_t(40));
    for (int i = 40; i < 60; ++i) {
      const auto l = resumed.step();
      QVERIFY2(std::abs(l.d_loss - expected[size_t(i)].d_loss) <= 1e-5 * std::abs(expected[size_t(i)].d_loss),
               qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i + 1).arg(l.d_loss).arg(expected[size_t(i)].d_loss)));
      QVERIFY(std::abs(l.g_loss - expected[size_t(i)].g_loss) <= 1e-5 * std::abs(expected[size_t(i)].g_loss));
    }
  }

  void fastTransposedConvolutionMatchesTorch_data() {
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("kernel");
    QTest::newRow("DCGAN: 4x4, stride 2, padding 1") << 2 << 1 << 4;
    QTest::newRow("3x3, stride 1, padding 1") << 1 << 1 << 3;
    QTest::newRow("5x5, stride 2, padding 2") << 2 << 2 << 5;
  }
  void fastTransposedConvolutionMatchesTorch() {
    QFETCH(int, stride);
    QFETCH(int, padding);
    QFETCH(int, kernel);
    torch::manual_seed(4);
    const auto x0 = at::randn({3, 5, 7, 7}, at::kDouble), w0 = at::randn({5, 4, kernel, kernel}, at::kDouble),
               b0 = at::randn({4}, at::kDouble);
    const auto probe = at::randn_like(at::conv_transpose2d(x0, w0, b0, stride, padding));
    auto run = [&](bool fast) {
      auto x = x0.clone().requires_grad_(true), w = w0.clone().requires_grad_(true), b = b0.clone().requires_grad_(true);
      // LibTorch's own transposed convolution is the reference.
      const auto y = fast ? conv_transpose2d_fast(x, w, b, stride, padding) : at::conv_transpose2d(x, w, b, stride, padding);
      (y * probe).sum().backward();
      return std::vector<at::Tensor>{y.detach(), x.grad(), w.grad(), b.grad()};
    };
    const auto ours = run(true), theirs = run(false);
    for (size_t i = 0; i < ours.size(); ++i) {
      QCOMPARE(ours[i].sizes().vec(), theirs[i].sizes().vec());
      QVERIFY2(at::allclose(ours[i], theirs[i], 1e-10, 1e-10), qPrintable(QStringLiteral("tensor %1 differs").arg(i)));
    }
  }

  void badOptionsAreRefused() {
    QVERIFY_THROWS_EXCEPTION(c10::Error, Generator(DCGANOptions().image_size(30)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, Discriminator(DCGANOptions().channels(2)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, GanTrainer(DCGANOptions(), GanTrainerOptions(), at::rand({100, 1, 32, 32})));
    QVERIFY_THROWS_EXCEPTION(c10::Error, GanTrainer(DCGANOptions(), GanTrainerOptions().batch_size(1), at::rand({100, 1, 28, 28})));
    QVERIFY_THROWS_EXCEPTION(c10::Error, GanTrainer(DCGANOptions(), GanTrainerOptions(), at::rand({10, 1, 28, 28})));
  }
};

QTEST_APPLESS_MAIN(tst_DCGAN)
#include "tst_dcgan.moc"
