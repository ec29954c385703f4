// SPDX-License-Identifier: GPL-3.0-or-later
// The autoregressive families: a Gated PixelCNN, the plain masked PixelCNN and a Row LSTM PixelRNN.
#include "autoregressive/pixel_trainer.h"
#include "data/mnist_dataset.h"
#include "io/safetensors.h"
#include "pixelcnn/pixelcnn.h"
#include "pixelrnn/pixelrnn.h"
#include "testdata.h"

#include <ATen/ATen.h>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace genlab;

namespace {

PixelNet gated(int64_t levels = 2, int64_t classes = 0, int64_t layers = 4) {
  torch::manual_seed(1);
  return std::make_shared<PixelCNNImpl>(PixelCNNOptions().width(8).layers(layers).head_width(8).levels(levels)
                                            .classes(classes).image_size(12));
}
PixelNet plain(int64_t layers = 4) {
  torch::manual_seed(2);
  return std::make_shared<PixelCNNImpl>(PixelCNNOptions().width(8).layers(layers).head_width(8).gated(false)
                                            .image_size(12));
}
PixelNet rnn(int64_t levels = 2, int64_t classes = 0) {
  torch::manual_seed(3);
  return std::make_shared<PixelRNNImpl>(PixelRNNOptions().hidden(8).layers(2).head_width(8).levels(levels)
                                            .classes(classes).image_size(12));
}

}  // namespace

class tst_PixelModels : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { at::set_num_threads(2); }

  // The defining property: the logits of pixel (r, c) do not move when any pixel at or after it in
  // raster order changes. The gradient of its log-probability shows every input it depends on.
  void causal_data() {
    QTest::addColumn<QString>("net");
    QTest::addColumn<int>("levels");
    for (const char* n : {"gated", "plain", "rnn", "gated conditional", "rnn conditional"})
      for (int levels : {2, 256})
        QTest::addRow("%s %d", n, levels) << QString::fromLatin1(n) << levels;
  }
  void causal() {
    QFETCH(QString, net);
    QFETCH(int, levels);
    const auto model = net == QLatin1String("gated conditional") ? gated(levels, 10)
                       : net == QLatin1String("rnn conditional") ? rnn(levels, 10)
                       : net == QLatin1String("gated")           ? gated(levels)
                       : net == QLatin1String("plain") ? std::make_shared<PixelCNNImpl>(
                                                             PixelCNNOptions().width(8).layers(4).head_width(8)
                                                                 .gated(false).levels(levels).image_size(12))
                                                       : rnn(levels);
    const auto image = at::rand({1, 1, 12, 12}).mul(255).round().div(255);
    for (auto [r, c] : {std::pair<int64_t, int64_t>{0, 0}, {5, 7}, {11, 0}, {6, 11}, {11, 11}}) {
      const auto label = model->shape().classes > 0 ? at::tensor({3}, at::kLong) : at::Tensor();
      const auto field = receptive_field(model, image, label, r, c).view({-1});
      const int64_t at = r * 12 + c;
      QCOMPARE(field.narrow(0, at, 144 - at).abs().max().item<float>(), 0.f);  // itself and everything after
      if (at > 0)
        QVERIFY2(field.narrow(0, 0, at).abs().sum().item<float>() > 0, "depends on nothing before it");
      if (c > 0)  // the pixel just left of it always counts
        QVERIFY(field[at - 1].item<float>() > 0);
    }
  }

  // The plain masked stack never sees up-and-right beyond its first 7×7 kernel in the row above
  // (the blind spot); the gated two-stack design does.
  void blindSpotOnlyInThePlainStack() {
    const auto image = at::rand({1, 1, 12, 12});
    const auto p = receptive_field(plain(6), image, {}, 8, 2), g = receptive_field(gated(2, 0, 6), image, {}, 8, 2);
    QCOMPARE(p[7][7].item<float>(), 0.f);  // (r − 1, c + 5)
    QCOMPARE(p[7][6].item<float>(), 0.f);  // (r − 1, c + 4)
    QVERIFY(p[7][5].item<float>() > 0);    // (r − 1, c + 3): the first kernel's reach
    QVERIFY(p[6][6].item<float>() > 0);    // two rows up it reaches further
    QVERIFY(g[7][6].item<float>() > 0 && g[7][7].item<float>() > 0);
  }

  // Sampling reads one row (PixelCNN: the rows it can depend on; PixelRNN: its cached states):
  // the same logits as the full forward pass.
  void rowLogitsEqualTheFullPass_data() {
    QTest::addColumn<QString>("net");
    for (const char* n : {"gated", "plain", "rnn"})
      QTest::newRow(n) << QString::fromLatin1(n);
  }
  void rowLogitsEqualTheFullPass() {
    QFETCH(QString, net);
    const auto model = net == QLatin1String("gated") ? gated(256, 10, 6) : net == QLatin1String("plain") ? plain(6) : rnn(256, 10);
    const auto images = at::rand({3, 1, 12, 12});
    const auto labels = model->shape().classes > 0 ? at::tensor({1, 4, 9}, at::kLong) : at::Tensor();
    torch::NoGradGuard no_grad;
    model->eval();
    const auto full = model->forward(images, labels);
    RowCache cache;
    for (int64_t r = 0; r < 12; ++r) {
      const auto row = model->row_logits(images, labels, r, cache);
      QVERIFY2(at::allclose(row, full.select(2, r), 1e-5, 1e-5), qPrintable(QStringLiteral("row %1").arg(r)));
    }
  }

  // −log p of a model that knows nothing (all logits 0): ln 2 per black/white pixel, ln 256 per
  // grey level; in bits per dimension 1 and 8.
  void likelihoodByHand() {
    const auto x = at::bernoulli(at::full({2, 1, 28, 28}, 0.3));
    const auto nll = negative_log_likelihood(at::zeros({2, 1, 28, 28}), x, 2);
    QVERIFY(std::abs(nll[0].item<double>() - 784 * std::log(2.0)) < 1e-3);
    QVERIFY(std::abs(bits_per_dimension(784 * std::log(2.0), 784) - 1) < 1e-12);
    const auto grey = at::rand({2, 1, 28, 28}).mul(255).round().div(255);
    const auto nll256 = negative_log_likelihood(at::zeros({2, 256, 28, 28}), grey, 256);
    QVERIFY(std::abs(nll256[1].item<double>() - 784 * std::log(256.0)) < 1e-2);
    // One pixel by hand: logit 2 for a white pixel costs log(1 + e^−2); for black log(1 + e^2).
    const auto one = negative_log_likelihood(at::full({1, 1, 1, 1}, 2.0), at::ones({1, 1, 1, 1}), 2);
    QVERIFY(std::abs(one.item<double>() - std::log1p(std::exp(-2.0))) < 1e-6);
    // A logit for level 7 of 256 that wins by ln 1000 over the rest: p = 1000 / 1255.
    auto logits = at::zeros({1, 256, 1, 1});
    logits[0][7][0][0] = std::log(1000.0);
    const auto seven = negative_log_likelihood(logits, at::full({1, 1, 1, 1}, 7.0 / 255), 256);
    QVERIFY(std::abs(seven.item<double>() + std::log(1000.0 / 1255.0)) < 1e-5);
  }

  void temperatureSharpens() {
    const auto p = pixel_distribution(at::full({1, 1}, 1.0), 2, 0.5);  // σ(1 / 0.5)
    QVERIFY(std::abs(p[0][1].item<double>() - 1 / (1 + std::exp(-2.0))) < 1e-6);
    auto logits = at::zeros({1, 256});
    logits[0][1] = std::log(3.0 * 255);  // 765 against 255 · 1: p = 0.75
    const auto q = pixel_distribution(logits, 256, 1.0);
    QVERIFY2(std::abs(q[0][1].item<double>() - 0.75) < 1e-5, qPrintable(QString::number(q[0][1].item<double>())));
    QVERIFY_THROWS_EXCEPTION(c10::Error, pixel_distribution(at::zeros({1, 1}), 2, 0));
  }

  // The cached sampler (one row per pixel) draws exactly the images of the naive one (a full
  // forward pass per pixel) from the same seed; completion keeps the given pixels.
  void cachedSamplingDrawsWhatNaiveDraws_data() {
    QTest::addColumn<QString>("net");
    QTest::newRow("gated") << QStringLiteral("gated");
    QTest::newRow("rnn") << QStringLiteral("rnn");
  }
  void cachedSamplingDrawsWhatNaiveDraws() {
    QFETCH(QString, net);
    const auto model = net == QLatin1String("gated") ? gated(256) : rnn(256);
    PixelSampler::Options o;
    o.count = 3;
    o.seed = 5;
    o.temperature = 0.8;
    const auto cached = sample_pixels(model, o);
    o.naive = true;
    const auto naive = sample_pixels(model, o);
    QCOMPARE(cached.sizes().vec(), (std::vector<int64_t>{3, 1, 12, 12}));
    QVERIFY(at::equal(cached, naive));
    QVERIFY(cached.min().item<float>() >= 0 && cached.max().item<float>() <= 1);

    auto known = at::zeros({12, 12}, at::kBool);
    known.narrow(0, 0, 6).fill_(true);  // the top half given
    o.naive = false;
    o.given = at::rand({3, 1, 12, 12});
    o.known = known;
    const auto completed = sample_pixels(model, o);
    QVERIFY(at::equal(completed.narrow(2, 0, 6), o.given.narrow(2, 0, 6)));
    QVERIFY(!at::equal(completed.narrow(2, 6, 6), o.given.narrow(2, 6, 6)));
  }

  // tests/python/pixel_reference.py builds each net independently in PyTorch, loads GenLab's
  // weights strictly (every name must match) and computes −log p(x) of the same images.
  void pytorchGivesTheSameLikelihood_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("levels");
    for (const char* k : {"gated", "plain", "rnn"})
      for (int levels : {2, 256})
        QTest::addRow("%s %d", k, levels) << QString::fromLatin1(k) << levels;
  }
  void pytorchGivesTheSameLikelihood() {
    QFETCH(QString, kind);
    QFETCH(int, levels);
    torch::manual_seed(11);
    const PixelNet net = kind == QLatin1String("rnn")
                             ? PixelNet(std::make_shared<PixelRNNImpl>(PixelRNNOptions().hidden(6).layers(2).head_width(10)
                                                                           .levels(levels).image_size(10)))
                             : PixelNet(std::make_shared<PixelCNNImpl>(PixelCNNOptions().width(6).layers(3).head_width(10)
                                                                           .gated(kind == QLatin1String("gated"))
                                                                           .levels(levels).image_size(10)));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("net.safetensors"));
    NamedTensors tensors;
    for (const auto& p : net->named_parameters())
      tensors.emplace_back(p.key(), p.value());
    QCOMPARE(QString::fromStdString(save_safetensors(path.toStdString(), tensors).error), QString());
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"),
             {QStringLiteral(GENLAB_SOURCE_DIR "/tests/python/pixel_reference.py"), path, kind, QString::number(levels),
              QStringLiteral("6"), kind == QLatin1String("rnn") ? QStringLiteral("2") : QStringLiteral("3"),
              QStringLiteral("10"), QStringLiteral("10")});
    QVERIFY(py.waitForFinished(120000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const auto values = py.readAllStandardOutput().trimmed().split(' ');
    const auto s = at::sin(0.37 * at::arange(3 * 100, at::kFloat)).reshape({3, 1, 10, 10});
    const auto x = levels == 2 ? s.gt(0).to(at::kFloat) : s.add(1).div(2).mul(255).round().div(255);
    torch::NoGradGuard no_grad;
    const auto ours = negative_log_likelihood(net->forward(x, {}), x, levels);
    QCOMPARE(values.size(), qsizetype(3));
    for (int i = 0; i < 3; ++i) {
      const double diff = std::abs(values[i].toDouble() - ours[i].item<double>());
      QVERIFY2(diff <= 1e-5 * std::max(1.0, std::abs(ours[i].item<double>())),
               qPrintable(QStringLiteral("%1 vs %2").arg(values[i].toDouble()).arg(ours[i].item<double>())));
    }
  }

  // Eight black/white images, the same batch at every step (their binarisation is themselves):
  // the model learns them by heart, far below what it paid at first.
  void overfitsOneBatch() {
    torch::manual_seed(5);
    const auto images = at::rand({8, 1, 12, 12}).gt(0.7).to(at::kFloat);
    auto net = gated(2, 0, 4);
    const double before = evaluate_pixel_model(*net, images);
    PixelTrainer t(net, PixelTrainerOptions().batch_size(8).lr(1e-2), images);
    for (int i = 0; i < 300; ++i)
      t.step();
    const double after = evaluate_pixel_model(*net, images);
    qInfo("one batch: %.1f nats per image before, %.2f after 300 steps", before, after);
    QVERIFY(after < 0.15 * before);
  }

  void conditionalNetsNeedLabels() {
    const auto model = gated(2, 10);
    QVERIFY_THROWS_EXCEPTION(c10::Error, model->forward(at::rand({2, 1, 12, 12}), {}));
    PixelSampler::Options o;
    QVERIFY_THROWS_EXCEPTION(c10::Error, PixelSampler(model, o));
    QVERIFY_THROWS_EXCEPTION(c10::Error, PixelCNNImpl(PixelCNNOptions().levels(3)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, PixelRNNImpl(PixelRNNOptions().hidden(0)));
  }

  // On real digits, 150 steps take the held-out −log p far below knowing nothing (543 nats), and
  // a run saved and resumed continues exactly.
  void trainsOnDigitsAndResumesExactly_data() {
    QTest::addColumn<QString>("net");
    QTest::newRow("gated") << QStringLiteral("gated");
    QTest::newRow("rnn") << QStringLiteral("rnn");
  }
  void trainsOnDigitsAndResumesExactly() {
    REQUIRE_MNIST();
    QFETCH(QString, net);
    auto train = load_mnist_split(TestData::mnistFolder().toStdString(), "train");
    auto held = load_mnist_split(TestData::mnistFolder().toStdString(), "t10k");
    QVERIFY2(train.ok() && held.ok(), train.error.c_str());
    const auto images = train.value.images.narrow(0, 0, 2048).view({-1, 1, 28, 28});
    const auto held_images = held.value.images.narrow(0, 0, 500).view({-1, 1, 28, 28});
    auto make = [&] {
      torch::manual_seed(7);
      return net == QLatin1String("gated")
                 ? PixelNet(std::make_shared<PixelCNNImpl>(PixelCNNOptions().width(16).layers(4).head_width(32)))
                 : PixelNet(std::make_shared<PixelRNNImpl>(PixelRNNOptions().hidden(16).layers(1).head_width(32)));
    };
    const auto opts = PixelTrainerOptions().batch_size(32).lr(3e-3).slices(2);  // two threads, one core each
    auto straight_net = make();
    const double before = evaluate_pixel_model(*straight_net, held_images);
    PixelTrainer straight(straight_net, opts, images);
    std::vector<double> expected;
    for (int i = 0; i < 150; ++i)
      expected.push_back(straight.step());
    const double after = evaluate_pixel_model(*straight_net, held_images);
    qInfo("held-out −log p: %.1f nats before, %.1f after 150 steps (%.3f bits/dim)", before, after,
          bits_per_dimension(after, 784));
    QVERIFY(after < 250);
    QCOMPARE(evaluate_pixel_model(*straight_net, held_images), after);  // the same binarisation each time

    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    PixelTrainer first(make(), opts, images);
    for (int i = 0; i < 100; ++i)
      first.step();
    QCOMPARE(QString::fromStdString(first.save_checkpoint(w, st).error), QString());
    PixelTrainer resumed(make(), PixelTrainerOptions().batch_size(32).lr(3e-3).slices(2).seed(99), images);
    QCOMPARE(QString::fromStdString(resumed.load_checkpoint(w, st).error), QString());
    for (int i = 100; i < 150; ++i) {
      const double l = resumed.step();
      QVERIFY2(std::abs(l - expected[size_t(i)]) <= 1e-5 * expected[size_t(i)],
               qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i + 1).arg(l).arg(expected[size_t(i)])));
    }
  }
};

QTEST_GUILESS_MAIN(tst_PixelModels)
#include "tst_pixelmodels.moc"
