// SPDX-License-Identifier: GPL-3.0-or-later
#include "parametercount.h"
#include "nn/class_code.h"
#include "nn/conv_transpose.h"
#include "nn/image_decoder.h"
#include "gan/dcgan.h"
#include "data/mnist_dataset.h"
#include "testdata.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
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
    QCOMPARE(QString::fromStdString(first.save_checkpoint(w, st).error), QString());
    GanTrainer resumed(model, GanTrainerOptions().batch_size(64).seed(77), images);
    QCOMPARE(QString::fromStdString(resumed.load_checkpoint(w, st).error), QString());
    QCOMPARE(resumed.steps_done(), int64_t(40));
    for (int i = 40; i < 60; ++i) {
      const auto l = resumed.step();
      QVERIFY2(std::abs(l.d_loss - expected[size_t(i)].d_loss) <= 1e-5 * std::abs(expected[size_t(i)].d_loss),
               qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i + 1).arg(l.d_loss).arg(expected[size_t(i)].d_loss)));
      QVERIFY(std::abs(l.g_loss - expected[size_t(i)].g_loss) <= 1e-5 * std::abs(expected[size_t(i)].g_loss));
    }
  }

  // evaluate_gan against the definitions written out: D's loss is −mean log D(x) − mean log(1 − D(G(z))),
  // G's is −mean log D(G(z)), on the networks in eval mode with z ~ N(0, I) drawn from the seed.
  void evaluateGanMatchesTheFormulas() {
    torch::manual_seed(5);
    const auto o = DCGANOptions().width(8).latent_dim(8);
    Generator g(o);
    Discriminator d(o);
    {
      // One training-mode pass moves the batch-norm running statistics away from (0, 1).
      torch::NoGradGuard no_grad;
      d->forward(at::rand({16, 1, 28, 28}) * 2 - 1);
      g->forward(at::randn({16, 8}));
    }
    auto d_buffers = d->named_buffers();
    const auto running_mean = d_buffers["main.3.running_mean"].clone();
    const auto images = at::rand({40, 1, 28, 28});

    const GanLosses l = evaluate_gan(g, d, images, {}, 7);
    QVERIFY(g->is_training() && d->is_training());  // restored
    QVERIFY(at::equal(d_buffers["main.3.running_mean"], running_mean));  // eval mode: statistics untouched

    g->eval();
    d->eval();
    torch::NoGradGuard no_grad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
    const auto z = at::randn({40, 8}, gen, at::TensorOptions(at::kFloat));
    const auto dx = d->forward(images * 2 - 1).to(at::kDouble).sigmoid();
    const auto dgz = d->forward(g->forward(z)).to(at::kDouble).sigmoid();
    const double d_loss = -(dx.log().mean() + (1 - dgz).log().mean()).item<double>();
    const double g_loss = -dgz.log().mean().item<double>();
    qInfo("fresh DCGAN: D(x) %.4f, D(G(z)) %.4f, d_loss %.4f, g_loss %.4f", l.d_real, l.d_fake, l.d_loss, l.g_loss);
    QVERIFY(l.d_real > 0 && l.d_real < 1 && l.d_fake > 0 && l.d_fake < 1);
    QVERIFY(std::abs(l.d_real - dx.mean().item<double>()) < 1e-9);
    QVERIFY(std::abs(l.d_fake - dgz.mean().item<double>()) < 1e-9);
    QVERIFY2(std::abs(l.d_loss - d_loss) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(l.d_loss).arg(d_loss)));
    QVERIFY2(std::abs(l.g_loss - g_loss) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(l.g_loss).arg(g_loss)));

    // Batches of 7 see the same networks and the same noise: the same numbers.
    const GanLosses small = evaluate_gan(g, d, images, {}, 7, 7);
    QVERIFY(std::abs(small.d_loss - l.d_loss) < 1e-6 && std::abs(small.g_loss - l.g_loss) < 1e-6);
    QVERIFY(std::abs(small.d_fake - l.d_fake) < 1e-6);
    // Eval mode stays eval mode; a mixed pair comes back mixed.
    QVERIFY(!g->is_training() && !d->is_training());
    g->train();
    evaluate_gan(g, d, images, {}, 7);
    QVERIFY(g->is_training() && !d->is_training());
    // Another seed, other fakes; the real half does not change.
    const GanLosses other = evaluate_gan(g, d, images, {}, 8);
    QCOMPARE(other.d_real, l.d_real);
    QVERIFY(other.d_fake != l.d_fake);
    QVERIFY_THROWS_EXCEPTION(c10::Error, evaluate_gan(g, d, at::rand({4, 3, 28, 28})));
  }

  void heldOutNumbersAfterTrainingAreFinite() {
    at::set_num_threads(2);
    torch::manual_seed(1);
    const auto train = at::rand({128, 1, 28, 28}), held = at::rand({50, 1, 28, 28});
    GanTrainer t(DCGANOptions().width(8).latent_dim(8), GanTrainerOptions().batch_size(32), train);
    for (int i = 0; i < 12; ++i)
      t.step();
    const GanLosses a = t.evaluate(held), b = t.evaluate(held);
    QCOMPARE(a.d_loss, b.d_loss);  // a fixed seed: the same number twice
    QCOMPARE(a.g_loss, b.g_loss);
    for (double v : {a.d_loss, a.g_loss, a.d_real, a.d_fake})
      QVERIFY(std::isfinite(v));
    QVERIFY(a.d_real > 0 && a.d_real < 1 && a.d_fake > 0 && a.d_fake < 1);
    // −log is convex: mean(−log p) ≥ −log(mean p), for each half of each loss.
    QVERIFY(a.d_loss >= -std::log(a.d_real) - std::log(1 - a.d_fake) - 1e-9);
    QVERIFY(a.g_loss >= -std::log(a.d_fake) - 1e-9);
    QVERIFY(t.generator()->is_training() && t.discriminator()->is_training());
    t.step();  // training goes on after an evaluation
  }

  void loadersFromTheOpenedFileAndFromThePathAgree() {
    at::set_num_threads(2);
    torch::manual_seed(2);
    const auto o = DCGANOptions().width(8).latent_dim(8);
    GanTrainer t(o, GanTrainerOptions().batch_size(16), at::rand({32, 1, 28, 28}));
    t.step();  // batch-norm statistics and counters move away from their initial values
    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    QCOMPARE(QString::fromStdString(t.save_checkpoint(w, st).error), QString());
    const auto file = load_safetensors(w);
    QVERIFY2(file.ok(), file.error.c_str());

    torch::manual_seed(3);
    Generator g1(o), g2(o);
    Discriminator d1(o), d2(o);
    const Status fromFile = load_gan(g1, d1, file.value, "weights.safetensors");
    QVERIFY2(fromFile.ok(), fromFile.error.c_str());
    const Status fromPath = load_gan(g2, d2, w);
    QVERIFY2(fromPath.ok(), fromPath.error.c_str());
    auto same = [](torch::nn::Module& a, torch::nn::Module& b) {
      auto ta = a.named_parameters(), tb = b.named_parameters();
      for (const auto& x : a.named_buffers())
        ta.insert(x.key(), x.value());
      for (const auto& x : b.named_buffers())
        tb.insert(x.key(), x.value());
      if (ta.size() != tb.size())
        return false;
      for (const auto& x : ta)
        if (!at::equal(x.value(), tb[x.key()]))
          return false;
      return true;
    };
    QVERIFY(same(*g1, *t.generator()) && same(*g2, *t.generator()));
    QVERIFY(same(*d1, *t.discriminator()) && same(*d2, *t.discriminator()));
    QCOMPARE(d1->named_buffers()["main.3.num_batches_tracked"].item<int64_t>(), int64_t(3));  // real, fake, fake for G

    const auto a = load_generator_decoder(file.value, "weights.safetensors", o), b = load_generator_decoder(w, o);
    QVERIFY2(a.ok() && a.value, a.error.c_str());
    QVERIFY2(b.ok() && b.value, b.error.c_str());
    const std::vector<float> z{0.1f, -0.5f, 1.f, 0.f, 0.3f, -1.2f, 0.7f, 0.2f};
    QCOMPARE(a.value->decode(z), b.value->decode(z));
    QCOMPARE(a.value->decode(z), t.decoder()->decode(z));

    // A float64 tensor in the discriminator: refused, named, and the generator (listed first) untouched.
    SafetensorsFile f64 = file.value;
    for (auto& [name, tensor] : f64.tensors)
      if (name == "discriminator.classify.weight")
        tensor = tensor.to(at::kDouble);
    Generator g3(o);
    Discriminator d3(o);
    const auto before = g3->project->weight.clone();
    const Status refused = load_gan(g3, d3, f64, "weights.safetensors");
    QCOMPARE(QString::fromStdString(refused.error),
             QStringLiteral("weights.safetensors: 'discriminator.classify.weight' is float64, the model needs float32"));
    QVERIFY(at::equal(g3->project->weight, before));
    // Another width: the first tensor of another shape is named.
    const auto wide = load_generator_decoder(file.value, "weights.safetensors", DCGANOptions().width(16).latent_dim(8));
    QVERIFY(!wide.ok() && !wide.value);
    QVERIFY2(QString::fromStdString(wide.error).startsWith(QStringLiteral("weights.safetensors: 'generator.project.weight' has shape")),
             wide.error.c_str());
    // Options no generator can have: an error, not an exception.
    const auto odd = load_generator_decoder(file.value, "weights.safetensors", DCGANOptions().image_size(30));
    QVERIFY(!odd.ok() && !odd.value);
    const auto gone = load_generator_decoder(dir.filePath(QStringLiteral("nothing.safetensors")).toStdString(), o);
    QVERIFY2(QString::fromStdString(gone.error).endsWith(QStringLiteral("nothing.safetensors: no such file")), gone.error.c_str());
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

  // The minibatch deviation by hand: features of 8 images, one value each, in groups of 4
  // consecutive images: {1, 3, 1, 3} has population standard deviation 1, {0, 0, 0, 4} √3.
  void minibatchDeviationByHand() {
    const auto f = at::tensor(std::vector<float>{1, 3, 1, 3, 0, 0, 0, 4}).view({8, 1, 1, 1});
    const auto out = append_minibatch_std(f);
    QCOMPARE(out.sizes().vec(), (std::vector<int64_t>{8, 2, 1, 1}));
    QVERIFY(at::equal(out.select(1, 0), f.select(1, 0)));
    for (int i = 0; i < 8; ++i)
      QVERIFY2(std::abs(out[i][1][0][0].item<double>() - (i < 4 ? 1.0 : std::sqrt(3.0))) < 1e-4, qPrintable(QString::number(i)));
    // The map is constant over the positions; 6 images go in groups of 2; one image alone has none.
    const auto g = append_minibatch_std(at::randn({6, 3, 2, 2}));
    const auto map = g.select(1, 3);
    QVERIFY(at::equal(map[0], map[1]) && at::equal(map[2], map[3]) && at::equal(map[4], map[5]));
    QVERIFY(!at::equal(map[0], map[2]));
    QVERIFY(at::equal(map[0], map[0][0][0].expand({2, 2})));
    QVERIFY(std::abs(append_minibatch_std(at::randn({1, 3, 2, 2})).select(1, 3).max().item<double>() - 1e-4) < 1e-9);
    // An odd batch is one group: {0, 0, 3} has mean 1 and deviation √((1 + 1 + 4) / 3) = √2.
    const auto odd = append_minibatch_std(at::tensor(std::vector<float>{0, 0, 3}).view({3, 1, 1, 1}));
    for (int i = 0; i < 3; ++i)
      QVERIFY(std::abs(odd[i][1][0][0].item<double>() - std::sqrt(2.0)) < 1e-4);
    // Cut into batches of multiples of 4, a set gives what it gives in one batch.
    const auto many = at::randn({16, 5, 3, 3});
    QVERIFY(at::allclose(at::cat({append_minibatch_std(many.narrow(0, 0, 8)), append_minibatch_std(many.narrow(0, 8, 8))}),
                         append_minibatch_std(many)));
  }

  // A discriminator with the deviation layer sees one more map before its classifier, and a
  // generator drawing the same image every time gets a deviation of 0 where real digits do not.
  void discriminatorWithMinibatchDeviation() {
    torch::manual_seed(2);
    const auto o = DCGANOptions().minibatch_std(true);
    Discriminator d(o);
    QCOMPARE(d->classify->weight.size(1), int64_t((128 + 1) * 7 * 7));
    QCOMPARE(d->forward(at::rand({5, 1, 28, 28}) * 2 - 1).sizes().vec(), (std::vector<int64_t>{5}));
    Discriminator plain;
    QCOMPARE(count(*d) - count(*plain), int64_t(7 * 7));
  }

  // Mixed precision: bf16 steps keep float32 weights, give finite losses close to float32's.
  void bfloat16TrainingKeepsFloat32Weights() {
    at::set_num_threads(2);
    const auto images = at::rand({64, 1, 28, 28});
    auto make = [&](Precision p) {
      return std::make_unique<GanTrainer>(DCGANOptions().width(16).minibatch_std(true),
                                          GanTrainerOptions().batch_size(16).seed(3).precision(p), images);
    };
    auto full = make(Precision::Float32), half = make(Precision::BFloat16);
    GanLosses a, b;
    for (int i = 0; i < 3; ++i) {
      a = full->step();
      b = half->step();
    }
    QVERIFY(std::isfinite(b.d_loss) && std::isfinite(b.g_loss));
    QVERIFY2(std::abs(a.d_loss - b.d_loss) < 0.1 * a.d_loss && std::abs(a.g_loss - b.g_loss) < 0.1 * a.g_loss,
             qPrintable(QStringLiteral("fp32 %1 %2, bf16 %3 %4").arg(a.d_loss).arg(a.g_loss).arg(b.d_loss).arg(b.g_loss)));
    QVERIFY2(a.d_loss != b.d_loss, "bf16 computed exactly what fp32 did: was it bf16 at all?");
    for (auto* m : {static_cast<torch::nn::Module*>(half->generator().get()), static_cast<torch::nn::Module*>(half->discriminator().get())})
      for (const auto& p : m->named_parameters())
        QVERIFY2(p.value().scalar_type() == at::kFloat, p.key().c_str());
  }

  // Adam's first step moves every weight with a gradient by lr·g/(|g| + ε) ≈ ±lr (the moments
  // are g and g² after bias correction): D by lr·discriminator_lr_scale, G by lr.
  void twoTimeScalesByAdamsFirstStep() {
    const auto images = at::rand({32, 1, 28, 28});
    GanTrainer t(DCGANOptions().width(8).latent_dim(8),
                 GanTrainerOptions().batch_size(16).lr(1e-3).discriminator_lr_scale(3).beta2(0.99), images);
    auto snapshot = [](torch::nn::Module& m) {
      std::vector<at::Tensor> out;
      for (const auto& p : m.parameters())
        out.push_back(p.detach().clone());
      return out;
    };
    auto largest_move = [](torch::nn::Module& m, const std::vector<at::Tensor>& before) {
      double most = 0;
      size_t i = 0;
      for (const auto& p : m.parameters())
        most = std::max(most, (p.detach() - before[i++]).abs().max().item<double>());
      return most;
    };
    const auto d_before = snapshot(*t.discriminator()), g_before = snapshot(*t.generator());
    t.step();
    const double d_move = largest_move(*t.discriminator(), d_before), g_move = largest_move(*t.generator(), g_before);
    QVERIFY2(std::abs(d_move - 3e-3) < 3e-6, qPrintable(QString::number(d_move)));
    QVERIFY2(std::abs(g_move - 1e-3) < 1e-6, qPrintable(QString::number(g_move)));
  }

  // The fast transposed convolution inside a PrecisionScope computes in bfloat16 and hands float32
  // gradients back to float32 weights.
  void fastTransposedConvolutionUnderMixedPrecision() {
    torch::manual_seed(6);
    const auto x = at::randn({2, 8, 7, 7});
    auto w = at::randn({8, 4, 4, 4}).requires_grad_(true), b = at::randn({4}).requires_grad_(true);
    at::Tensor y;
    {
      PrecisionScope scope(Precision::BFloat16);
      y = conv_transpose2d_fast(x, w, b, 2, 1);
    }
    QCOMPARE(y.scalar_type(), at::kBFloat16);
    const auto exact = at::conv_transpose2d(x, w.detach(), b.detach(), 2, 1);
    const double relative = ((y.to(at::kFloat) - exact).norm() / exact.norm()).item<double>();
    QVERIFY2(relative < 0.02 && relative > 0, qPrintable(QString::number(relative)));
    y.to(at::kFloat).sum().backward();
    QCOMPARE(w.grad().scalar_type(), at::kFloat);
    QCOMPARE(b.grad().scalar_type(), at::kFloat);
  }

  // A conditional pair (told the class): the generator's code is z then the one-hot class, the
  // discriminator adds the projection ⟨embed(y), φ(x)⟩ to its unconditional logit.
  void toldTheClass() {
    torch::manual_seed(6);
    const auto o = DCGANOptions().width(8).latent_dim(8).classes(10).minibatch_std(true);
    // with_class by hand: z, then 1 at the class's place.
    const auto z = at::randn({3, 8});
    const auto code = with_class(z, at::tensor({2, 0, 9}, at::kLong), 10);
    QCOMPARE(code.sizes().vec(), (std::vector<int64_t>{3, 18}));
    QVERIFY(at::equal(code.narrow(1, 0, 8), z));
    QCOMPARE(code[0][8 + 2].item<float>(), 1.f);
    QCOMPARE(code[2][8 + 9].item<float>(), 1.f);
    QCOMPARE(code.narrow(1, 8, 10).sum().item<float>(), 3.f);
    QVERIFY(at::equal(classes_in_turn(12, 5), at::tensor({0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1}, at::kLong)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, with_class(z, at::tensor({2, 0, 10}, at::kLong), 10));

    // The parameters: G's projection takes 8 + 10 inputs to 16·7·7 values; D has one feature
    // vector per class ((16 + 1)·7·7 = 833 features after two stride-2 convolutions and the
    // deviation map).
    Generator g(o);
    Discriminator d(o);
    QCOMPARE(g->project->weight.sizes().vec(), (std::vector<int64_t>{16 * 7 * 7, 18}));
    QCOMPARE(d->project->weight.sizes().vec(), (std::vector<int64_t>{10, 833}));
    const auto gt = generator_tensors(o), dt = discriminator_tensors(o);
    QVERIFY(gt.ok() && dt.ok());
    QCOMPARE(int64_t(gt.value.size()), int64_t(g->named_parameters().size() + g->named_buffers().size()));
    QCOMPARE(int64_t(dt.value.size()), int64_t(d->named_parameters().size() + d->named_buffers().size()));

    // The projection by hand: a non-zero class vector moves the logit by ⟨v, φ(x)⟩, for that class only.
    {
      g->eval();
      d->eval();
      torch::NoGradGuard no_grad;
      const auto x = g->forward(code);
      const auto labels = at::tensor({2, 0, 9}, at::kLong);
      const auto before = d->forward(x, labels);
      const auto features = append_minibatch_std(d->main->forward(x)).flatten(1);
      d->project->weight[2].copy_(at::randn({833}));
      const auto after = d->forward(x, labels);
      QVERIFY(std::abs((after[0] - before[0]).item<float>() - (features[0] * d->project->weight[2]).sum().item<float>()) <
              1e-3f);
      QCOMPARE((after[1] - before[1]).item<float>(), 0.f);
      QVERIFY_THROWS_EXCEPTION(c10::Error, d->forward(x));  // told the class, it needs the labels
    }

    // Only the class changes: the same z as a 3 and as a 7 are different images; the same class twice the same.
    GanTrainer t(o, GanTrainerOptions().batch_size(8), at::rand({40, 1, 28, 28}), at::arange(40, at::kLong).remainder(10));
    t.step();
    const auto decoder = t.decoder();
    QCOMPARE(decoder->classes(), int64_t(10));
    QCOMPARE(decoder->latent_dim(), int64_t(8));
    const std::vector<float> style(8, 0.3f);
    const auto three = decoder->decode(style, 3), seven = decoder->decode(style, 7);
    QCOMPARE(three.size(), size_t(28 * 28));
    QVERIFY(three != seven);
    QVERIFY(three == decoder->decode(style, 3));
    QVERIFY(decoder->decode(style, 10).empty());  // no class 10
    // Without labels, with labels for a pair not told the class, or with a label out of range: refused.
    QVERIFY_THROWS_EXCEPTION(c10::Error, GanTrainer(o, GanTrainerOptions(), at::rand({40, 1, 28, 28})));
    QVERIFY_THROWS_EXCEPTION(c10::Error, GanTrainer(DCGANOptions(), GanTrainerOptions(), at::rand({40, 1, 28, 28}),
                                                    at::zeros({40}, at::kLong)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, GanTrainer(o, GanTrainerOptions(), at::rand({40, 1, 28, 28}),
                                                    at::full({40}, 10, at::kLong)));
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
