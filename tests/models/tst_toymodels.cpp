// SPDX-License-Identifier: GPL-3.0-or-later
#include "parametercount.h"
#include "data/toy2d.h"
#include "toy/toy_models.h"
#include "io/safetensors.h"

#include <ATen/ATen.h>
#include <QTemporaryDir>
#include <QTest>

using namespace genlab;

class tst_ToyModels : public QObject {
  Q_OBJECT

  static int64_t count(torch::nn::Module& m) { return parameterCount(m); }
  // Mean distance from each of `a`'s points to its nearest point of `b`, in units of `data`'s spread.
  static double meanNearest(const at::Tensor& a, const at::Tensor& b, const at::Tensor& data) {
    return std::get<0>(at::cdist(a, b).min(1)).mean().item<double>() / data.std(0).mean().item<double>();
  }

 private Q_SLOTS:
  void parameterCountByHand() {
    // d = 2, hidden 128. Decoder: Linear 2→128: 384; 128→128: 16,512; 128→2: 258; log σ: 2. Sum 17,156.
    ToyDecoder d(ToyModelOptions().latent_dim(2).hidden(128));
    QCOMPARE(count(*d), int64_t(17156));
    // Encoder of the VAE: 2→128: 384; 128→128: 16,512; 128→4 (μ, log σ²): 516. Sum 17,412.
    auto enc = toy_mlp(2, 128, 4, false);
    QCOMPARE(count(*enc), int64_t(17412));
  }

  void vaeLearnsTheSCurve() {
    at::set_num_threads(2);
    const auto train = make_toy2d("s-curve", 10000, 1), held = make_toy2d("s-curve", 1000, 2);
    ToyTrainer t(ToyModelOptions().kind(ToyKind::Vae), ToyTrainerOptions().batch_size(256), train);
    // Untrained, the decoder says "a Gaussian around the mean": already −1.7 nats (the S is thin, so
    // densities are high). Learning the curve is what lowers it further and spreads the samples along it;
    // it sits on a plateau for ~1,500 steps first (the code is ignored), then drops to about −3.1.
    const double before = t.evaluate(held)[0];
    const double coverBefore = meanNearest(held, t.sample(1000, 3), held);
    for (int i = 0; i < 3500; ++i)
      t.step();
    const auto e = t.evaluate(held);
    const double coverAfter = meanNearest(held, t.sample(1000, 3), held);
    qInfo("toy VAE on the S-curve: held-out -ELBO %.2f -> %.2f nats per point; mean distance from a data point "
          "to the nearest sample %.3f -> %.3f (data spread units)", before, e[0], coverBefore, coverAfter);
    QVERIFY(std::abs(e[0] - (e[1] + e[2])) < 1e-6);
    QVERIFY(e[0] < before - 1);
    QVERIFY(coverAfter < 0.3 * coverBefore);
  }

  void ganLearnsEightGaussiansAndResumesExactly() {
    at::set_num_threads(2);
    const auto train = make_toy2d("8-gaussians", 4096, 1), held = make_toy2d("8-gaussians", 1000, 2);
    const auto model = ToyModelOptions().kind(ToyKind::Gan);
    const auto opts = ToyTrainerOptions().batch_size(128);
    ToyTrainer t(model, opts, train);
    const double farBefore = meanNearest(t.sample(500, 3), held, held);
    std::vector<std::vector<double>> expected;
    for (int i = 0; i < 1200; ++i)
      expected.push_back(t.step());
    const double farAfter = meanNearest(t.sample(500, 3), held, held);
    qInfo("toy GAN on 8 Gaussians: samples' mean distance to the data %.3f -> %.3f", farBefore, farAfter);
    QVERIFY(farAfter < 0.5 * farBefore);
    QCOMPARE(expected.back().size(), size_t(4));

    // Held-out: {d_loss, g_loss, D(x), D(G(z))}, deterministic for a seed.
    const auto e = t.evaluate(held);
    qInfo("toy GAN held-out: d_loss %.3f, g_loss %.3f, D(x) %.3f, D(G(z)) %.3f", e[0], e[1], e[2], e[3]);
    QCOMPARE(e.size(), size_t(4));
    QCOMPARE(t.evaluate(held), e);
    for (double v : e)
      QVERIFY(std::isfinite(v));
    QVERIFY(e[2] > 0 && e[2] < 1 && e[3] > 0 && e[3] < 1);
    // −log is convex: mean(−log p) ≥ −log(mean p), for each half of each loss.
    QVERIFY(e[0] >= -std::log(e[2]) - std::log(1 - e[3]) - 1e-9);
    QVERIFY(e[1] >= -std::log(e[3]) - 1e-9);
    const auto other = t.evaluate(held, 99);
    QCOMPARE(other[2], e[2]);  // D(x) does not depend on the noise
    QVERIFY(other[3] != e[3]);

    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    ToyTrainer first(model, opts, train);
    for (int i = 0; i < 50; ++i)
      first.step();
    QCOMPARE(QString::fromStdString(first.save_checkpoint(w, st).error), QString());
    ToyTrainer resumed(model, ToyTrainerOptions().batch_size(128).seed(5), train);
    QCOMPARE(QString::fromStdString(resumed.load_checkpoint(w, st).error), QString());
    for (int i = 50; i < 70; ++i) {
      const auto l = resumed.step();
      for (size_t k = 0; k < 2; ++k)
        QVERIFY2(std::abs(l[k] - expected[size_t(i)][k]) <= 1e-5 * std::abs(expected[size_t(i)][k]),
                 qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i + 1).arg(l[k]).arg(expected[size_t(i)][k])));
    }

    // The networks load from the opened file as from the path, and evaluate like the trainer.
    const auto file = load_safetensors(w);
    QVERIFY2(file.ok(), file.error.c_str());
    ToyTrainer viaFile(model, opts, train), viaPath(model, ToyTrainerOptions().batch_size(128).seed(8), train);
    QVERIFY(viaFile.load_weights(file.value, "weights.safetensors").ok());
    QVERIFY(viaPath.load_weights(w).ok());
    QCOMPARE(viaFile.evaluate(held), first.evaluate(held));
    QCOMPARE(viaPath.evaluate(held), first.evaluate(held));
    SafetensorsFile f64 = file.value;
    for (auto& [name, tensor] : f64.tensors)
      if (name == "discriminator.2.bias")
        tensor = tensor.to(at::kDouble);
    QCOMPARE(QString::fromStdString(viaFile.load_weights(f64, "weights.safetensors").error),
             QStringLiteral("weights.safetensors: 'discriminator.2.bias' is float64, the model needs float32"));
    ToyTrainer wider(ToyModelOptions().kind(ToyKind::Gan).hidden(64), opts, train);
    QVERIFY2(QString::fromStdString(wider.load_weights(w).error)
                 .startsWith(QStringLiteral("weights.safetensors: 'decoder.net.0.weight' has shape [128, 2]")),
             wider.load_weights(w).error.c_str());

    // The decoder for the GUI turns codes into points, as the trainer's decoder does.
    const auto loaded = load_toy_decoder(w, model);
    QVERIFY2(loaded.ok(), loaded.error.c_str());
    const auto fromFile = load_toy_decoder(file.value, "weights.safetensors", model);
    QVERIFY2(fromFile.ok(), fromFile.error.c_str());
    const auto& d = loaded.value;
    QCOMPARE(fromFile.value->points({0.3f, -0.2f}), d->points({0.3f, -0.2f}));
    QVERIFY(!load_toy_decoder(f64, "weights.safetensors", ToyModelOptions().kind(ToyKind::Gan).hidden(64)).ok());
    const auto two = d->points({0.f, 0.f, 0.3f, -0.2f});
    QCOMPARE(two.size(), size_t(4));
    const auto direct = viaFile.toy_decoder()->forward(at::tensor({0.f, 0.f, 0.3f, -0.2f}).view({2, 2})).contiguous();
    for (size_t i = 0; i < 4; ++i)
      QCOMPARE(two[i], direct.data_ptr<float>()[i]);
    QVERIFY(d->points({0.f, 0.f, 0.3f}).empty());  // not a whole number of codes
  }

  void autoEncoderHasNoKl() {
    const auto train = make_toy2d("moons", 1000, 1);
    ToyTrainer t(ToyModelOptions().kind(ToyKind::Autoencoder), ToyTrainerOptions().batch_size(100), train);
    QCOMPARE(t.step().size(), size_t(1));
    const auto e = t.evaluate(train);
    QCOMPARE(e[2], 0.0);
    const auto [mean, sd] = t.latent_range(train);
    QCOMPARE(mean.size(), size_t(2));
    QVERIFY(sd[0] > 0);
  }

  void badOptionsAreRefused() {
    const auto pts = make_toy2d("rings", 500, 1);
    // (An unknown kind is no longer a value: ToyKind has the three.)
    QVERIFY_THROWS_EXCEPTION(c10::Error, ToyTrainer(ToyModelOptions().latent_dim(1), ToyTrainerOptions(), pts));
    QVERIFY_THROWS_EXCEPTION(c10::Error, ToyTrainer(ToyModelOptions(), ToyTrainerOptions(), at::rand({500, 3})));
    QVERIFY_THROWS_EXCEPTION(c10::Error, ToyTrainer(ToyModelOptions(), ToyTrainerOptions().lr(-1), pts));
  }
};

QTEST_APPLESS_MAIN(tst_ToyModels)
#include "tst_toymodels.moc"
