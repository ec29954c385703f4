// SPDX-License-Identifier: GPL-3.0-or-later
// Told what to draw: a U-Net told the class, classifier-free guidance, the class dropped in
// training, the classes drawn in turn.
#include "diffusion/diffusion_trainer.h"
#include "diffusion/guidance.h"
#include "diffusion/image_diffusion.h"
#include "diffusion/toy_diffusion.h"
#include "diffusion/unet.h"
#include "data/toy2d.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/modules/linear.h>
#include <torch/torch.h>

#include <QProcess>
#include <QTest>

namespace {

genlab::UnetOptions tinyUnet(int64_t classes) {
  return genlab::UnetOptions().dim(8).dim_mults({1, 2}).resnet_block_groups(4).attn_heads(2).attn_dim_head(8).num_classes(classes);
}

// A diffusion trainer of 2-D points whose network reports the classes it is told at every step.
class SpyTrainer final : public genlab::DiffusionTrainer {
 public:
  SpyTrainer(at::Tensor points, at::Tensor labels, double drop)
      : DiffusionTrainer(std::move(points), 64, 7, "genlab-test-spy", genlab::GaussianDiffusionOptions().schedule("cosine").timesteps(10), 1e-3,
                         0.9),
        m_labels(std::move(labels)),
        m_drop(drop) {
    m_model = torch::nn::Linear(2, 2);
    m_ema = torch::nn::Linear(2, 2);
    train_networks(*m_model, *m_ema);
  }
  double step() {
    return train_step(
        [this](const at::Tensor& x, const at::Tensor&, const at::Tensor& labels) {
          told.push_back(labels.clone());
          return m_model->forward(x);
        },
        m_labels, m_drop, /*no_class=*/10, false, genlab::Precision::Float32, "spy");
  }
  std::vector<at::Tensor> told;

 private:
  at::Tensor m_labels;
  double m_drop;
  torch::nn::Linear m_model{nullptr}, m_ema{nullptr};
};

}  // namespace

class tst_Guidance : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // The class enters the prediction; no labels at all is the "no class" token for every image.
  void unetTakesTheClass() {
    torch::manual_seed(3);
    genlab::Unet net(tinyUnet(10));
    net->eval();
    torch::NoGradGuard no_grad;
    const auto x = torch::randn({4, 1, 28, 28});
    const auto t = torch::tensor({0, 250, 500, 999}, torch::kLong);
    const auto threes = net->forward(x, t, torch::full({4}, 3, torch::kLong));
    const auto sevens = net->forward(x, t, torch::full({4}, 7, torch::kLong));
    QVERIFY((threes - sevens).abs().max().item<double>() > 1e-4);  // only the class changed
    QVERIFY(torch::equal(net->forward(x, t, torch::full({4}, 3, torch::kLong)), threes));
    QVERIFY(torch::equal(net->forward(x, t), net->forward(x, t, torch::full({4}, 10, torch::kLong))));
    // Beyond the classes, and a class for a net that knows none: refused.
    QVERIFY_THROWS_EXCEPTION(c10::Error, net->forward(x, t, torch::full({4}, 11, torch::kLong)));
    genlab::Unet plain(tinyUnet(0));
    QVERIFY_THROWS_EXCEPTION(c10::Error, plain->forward(x, t, torch::full({4}, 1, torch::kLong)));
    // Its weights file holds the embedding: 10 classes and "none", each a time embedding wide (4·dim).
    const auto specs = genlab::unet_tensors(tinyUnet(10));
    QVERIFY(specs.ok());
    bool found = false;
    for (const auto& s : specs.value)
      if (s.name == "class_emb.weight") {
        found = true;
        QCOMPARE(s.shape, (std::vector<int64_t>{11, 32}));
      }
    QVERIFY(found);
    QCOMPARE(net->named_parameters()["class_emb.weight"].sizes(), (at::IntArrayRef{11, 32}));
  }

  // w = 0: the prediction without the class, exactly; w = 1: with it, exactly; w = 3: three times
  // the difference added to the one without (the formula, computed here by hand from both).
  void guidanceMixesTheTwoPredictions() {
    torch::manual_seed(5);
    genlab::Unet net(tinyUnet(10));
    net->eval();
    const auto told = genlab::unet_class_denoiser(net);
    const auto x = torch::randn({3, 1, 28, 28});
    const auto t = torch::tensor({10, 400, 900}, torch::kLong);
    const auto labels = torch::tensor({1, 4, 9}, torch::kLong);
    const auto with = told(x, t, labels), without = told(x, t, torch::full({3}, 10, torch::kLong));
    QVERIFY(torch::equal(genlab::guided(told, labels, 0, 10)(x, t), without));
    QVERIFY(torch::equal(genlab::guided(told, labels, 1, 10)(x, t), with));
    const auto three = genlab::guided(told, labels, 3, 10)(x, t);
    const auto expected = without + 3 * (with - without);
    QVERIFY2((three - expected).abs().max().item<double>() < 1e-5,
             qPrintable(QString::number((three - expected).abs().max().item<double>())));
    // Keeping both predictions (for the Diffusion page's x̂0 told the class and told none): the same
    // output at every w and the two left behind, up to the rounding of a batch twice the size.
    for (const double w : {0.0, 1.0, 3.0}) {
      auto keep = std::make_shared<genlab::GuidanceParts>();
      const auto kept = genlab::guided_keeping(told, labels, w, 10, keep)(x, t);
      QVERIFY2((kept - genlab::guided(told, labels, w, 10)(x, t)).abs().max().item<double>() < 1e-4, qPrintable(QString::number(w)));
      QVERIFY2((keep->told - with).abs().max().item<double>() < 1e-4, qPrintable(QString::number((keep->told - with).abs().max().item<double>())));
      QVERIFY((keep->untold - without).abs().max().item<double>() < 1e-4);
    }
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::guided(told, labels, -1, 10));
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::guided(told, labels, std::nan(""), 10));
  }

  // Autoguidance: w = 1 the good network exactly, w = 0 the weak one, w = 2 twice the difference
  // added to the weak one's (the formula by hand); the class goes to both networks.
  void autoguidanceMixesTwoNetworks() {
    torch::manual_seed(8);
    genlab::Unet good(tinyUnet(10)), weak(tinyUnet(10));
    good->eval();
    weak->eval();
    const auto g = genlab::unet_class_denoiser(good), b = genlab::unet_class_denoiser(weak);
    const auto x = torch::randn({2, 1, 28, 28});
    const auto t = torch::tensor({100, 700}, torch::kLong);
    const auto labels = torch::tensor({3, 8}, torch::kLong);
    const auto fromGood = g(x, t, labels), fromWeak = b(x, t, labels);
    QVERIFY((fromGood - fromWeak).abs().max().item<double>() > 1e-3);  // two different networks
    QVERIFY(torch::equal(genlab::autoguided(g, b, 1)(x, t, labels), fromGood));
    QVERIFY(torch::equal(genlab::autoguided(g, b, 0)(x, t, labels), fromWeak));
    const auto two = genlab::autoguided(g, b, 2)(x, t, labels);
    QVERIFY((two - (fromWeak + 2 * (fromGood - fromWeak))).abs().max().item<double>() < 1e-5);
    QVERIFY(!torch::equal(genlab::autoguided(g, b, 2)(x, t, torch::tensor({4, 8}, torch::kLong)), two));
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::autoguided(g, b, -0.5));
  }

  // One guided DDIM step (η = 0, v-prediction, cosine schedule) against plain Python floats from the
  // papers' formulas (tests/python/guided_ddim_reference.py): the guidance and the step agree.
  void guidedDdimStepMatchesPython() {
    if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
      QSKIP("no /usr/bin/python3");
    const int64_t T = 1000, t = 620, t_next = 600;
    const double w = 2.5;
    torch::manual_seed(11);
    const auto x = torch::randn({1, 1, 2, 4}), v_told = torch::randn({1, 1, 2, 4}) * 0.8,
               v_untold = torch::randn({1, 1, 2, 4}) * 0.8;
    // A "network" that answers v_told when told class 4 and v_untold when told none (class 10).
    const genlab::ClassDenoiser net = [&](const at::Tensor& xt, const at::Tensor&, const at::Tensor& labels) {
      std::vector<at::Tensor> rows;
      for (int64_t i = 0; i < xt.size(0); ++i)
        rows.push_back(labels[i].item<int64_t>() == 10 ? v_untold[0] : v_told[0]);
      return torch::stack(rows);
    };
    const genlab::GaussianDiffusion process(
        genlab::GaussianDiffusionOptions().schedule("cosine").timesteps(T).objective("pred_v"));
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
    const auto next = process.denoise(genlab::guided(net, torch::full({1}, 4, torch::kLong), w, 10), x.clone(),
                                      {t, t_next}, /*ddim=*/true, /*eta=*/0.0, gen,
                                      [](const genlab::DiffusionStep& s) { return s.index != 0; });  // stop after the first
    QStringList args{QStringLiteral(GENLAB_SOURCE_DIR "/tests/python/guided_ddim_reference.py"), QString::number(T),
                     QString::number(t), QString::number(t_next), QString::number(w, 'g', 17)};
    const auto add = [&args](const at::Tensor& values) {
      const auto flat = values.flatten().to(at::kDouble);
      for (int64_t i = 0; i < flat.numel(); ++i)
        args << QString::number(flat[i].item<double>(), 'g', 17);
    };
    add(x);
    args << QStringLiteral("--");
    add(v_told);
    args << QStringLiteral("--");
    add(v_untold);
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"), args);
    QVERIFY(py.waitForFinished(30000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const QList<QByteArray> lines = py.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 8);
    // The first step's result (the callback stopped the loop after it).
    const auto ours = next.flatten();
    double worst = 0;
    for (int i = 0; i < 8; ++i)
      worst = std::max(worst, std::abs(ours[i].item<double>() - lines[i].toDouble()));
    QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));  // float32 against float64
  }

  // Drawn in turn, the classes come in equal counts; one class asked for, only it.
  void classesDrawnInTurn() {
    const auto labels = genlab::sample_labels(1000, 10);
    QCOMPARE(labels.size(0), 1000);
    QVERIFY(torch::equal(at::bincount(labels), torch::full({10}, 100, torch::kLong)));
    QCOMPARE(labels[13].item<int64_t>(), 3);
    QVERIFY(torch::equal(genlab::sample_labels(5, 10, 7), torch::full({5}, 7, torch::kLong)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::sample_labels(5, 10, 10));
  }

  // Training told the class: each batch's labels are its images' (every image once an epoch),
  // none dropped with probability 0, about half with 0.5, and a dropped one is the "no class" token.
  void classDroppedInTraining() {
    const auto points = torch::randn({64, 2});
    const auto labels = torch::arange(64, torch::kLong).remainder(10);
    SpyTrainer kept(points, labels, 0.0);
    for (int i = 0; i < 3; ++i)
      kept.step();
    QCOMPARE(int(kept.told.size()), 3);
    for (const auto& told : kept.told)
      QVERIFY(torch::equal(std::get<0>(told.sort()), std::get<0>(labels.sort())));  // the batch is the 64, shuffled
    SpyTrainer half(points, labels, 0.5);
    int64_t dropped = 0, total = 0;
    for (int i = 0; i < 50; ++i) {
      half.step();
      const auto told = half.told.back();
      dropped += told.eq(10).sum().item<int64_t>();
      total += told.numel();
      // The others are still the batch's own classes: each class at most as often as in the data.
      const auto counts = at::bincount(told.masked_select(told.lt(10)), {}, 10);
      QVERIFY(counts.le(torch::tensor({7, 7, 7, 7, 6, 6, 6, 6, 6, 6}, torch::kLong)).all().item<bool>());
    }
    // 3,200 draws of p = 0.5: the share within 0.5 ± 0.05 (over 5 standard deviations).
    QVERIFY2(std::abs(double(dropped) / double(total) - 0.5) < 0.05, qPrintable(QString::number(double(dropped) / double(total))));
  }

  // The toy model told the part of the set: the class changes the prediction, none is the last
  // embedding row, guidance mixes the two exactly as for the U-Net, and its weights file holds the
  // three class embeddings. Trained on the 8 Gaussians told each point's Gaussian, the points drawn
  // for "north" (2) land on the north Gaussian and those for "south-west" (5) on theirs.
  void toyDiffusionTakesTheClass() {
    torch::manual_seed(2);
    const auto options = genlab::MLPDiffusionOptions().classes(8);
    genlab::MLPDiffusion net(options);
    const auto told = genlab::toy_class_denoiser(net);
    const auto x = torch::randn({5, 2});
    const auto t = torch::tensor({0, 20, 40, 60, 99}, torch::kLong);
    const auto north = told(x, t, torch::full({5}, 2, torch::kLong)), south = told(x, t, torch::full({5}, 6, torch::kLong));
    QVERIFY((north - south).abs().max().item<double>() > 1e-4);
    const auto none = told(x, t, torch::full({5}, 8, torch::kLong));
    QVERIFY(torch::equal(genlab::toy_denoiser(net)(x, t), none));
    QVERIFY(torch::equal(genlab::guided(told, torch::full({5}, 2, torch::kLong), 0, 8)(x, t), none));
    QVERIFY(torch::equal(genlab::guided(told, torch::full({5}, 2, torch::kLong), 1, 8)(x, t), north));
    const auto two = genlab::guided(told, torch::full({5}, 2, torch::kLong), 2, 8)(x, t);
    QVERIFY((two - (none + 2 * (north - none))).abs().max().item<double>() < 1e-5);
    QVERIFY_THROWS_EXCEPTION(c10::Error, told(x, t, torch::full({5}, 9, torch::kLong)));
    const auto specs = genlab::mlp_diffusion_tensors(options);
    QVERIFY(specs.ok());
    int embeddings = 0;
    for (const auto& s : specs.value)
      if (s.name.rfind("class_embeddings.", 0) == 0) {
        ++embeddings;
        QCOMPARE(s.shape, (std::vector<int64_t>{9, 128}));
      }
    QCOMPARE(embeddings, 3);
    QCOMPARE(int64_t(net->named_parameters().size()), int64_t(specs.value.size()));

    // The trainer needs the labels exactly when the net is told the class.
    const auto set = genlab::make_toy2d_labelled("8-gaussians", 4000, 1);
    const auto trainerOptions = genlab::ToyDiffusionTrainerOptions().batch_size(256).lr(3e-3).ema_decay(0.98);
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::ToyDiffusionTrainer(options, trainerOptions, set.points));
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::ToyDiffusionTrainer(genlab::MLPDiffusionOptions(), trainerOptions, set.points, set.labels));
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::ToyDiffusionTrainer(genlab::MLPDiffusionOptions().classes(4), trainerOptions,
                                                                     set.points, set.labels));  // labels up to 7
    genlab::ToyDiffusionTrainer trainer(options, trainerOptions, set.points, set.labels);
    for (int i = 0; i < 1200; ++i)
      QVERIFY(std::isfinite(trainer.step()));
    QVERIFY(trainer.evaluate(set.points, 1, set.labels) != trainer.evaluate(set.points, 1));
    for (const int64_t k : {2, 5}) {
      auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
      const auto drawn = trainer.diffusion().p_sample_loop(
          genlab::guided(genlab::toy_class_denoiser(trainer.ema()), torch::full({200}, k, torch::kLong), 1, 8), {200, 2}, gen);
      const auto centre = torch::tensor({std::cos(double(k) * M_PI / 4), std::sin(double(k) * M_PI / 4)}, torch::kFloat);
      const double near = ((drawn - centre).pow(2).sum(1).sqrt() < 0.3).to(torch::kDouble).mean().item<double>();
      QVERIFY2(near > 0.8, qPrintable(QStringLiteral("class %1: %2 of the points near its Gaussian").arg(k).arg(near)));
    }
  }

  // A DDPM trainer told the class: labels are required, checked, and its held-out loss is told
  // each image's class (the loss differs from the one without, on the same draws).
  void imageTrainerTakesLabels() {
    const auto images = torch::rand({16, 1, 28, 28});
    const auto labels = torch::arange(16, torch::kLong).remainder(10);
    const auto options = genlab::ImageDiffusionTrainerOptions().batch_size(8);
    const auto process = genlab::GaussianDiffusionOptions().timesteps(50);
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::ImageDiffusionTrainer(tinyUnet(10), process, options, images));
    QVERIFY_THROWS_EXCEPTION(c10::Error, genlab::ImageDiffusionTrainer(tinyUnet(0), process, options, images, labels));
    QVERIFY_THROWS_EXCEPTION(c10::Error,
                             genlab::ImageDiffusionTrainer(tinyUnet(10), process, options, images, labels.add(1)));  // a 10
    genlab::ImageDiffusionTrainer trainer(tinyUnet(10), process, options, images, labels);
    QVERIFY(std::isfinite(trainer.step()));
    QVERIFY(std::isfinite(trainer.step()));
    const double told = trainer.evaluate(images, 1, labels), untold = trainer.evaluate(images, 1);
    QVERIFY(std::isfinite(told) && std::isfinite(untold));
    QVERIFY(told != untold);
    QCOMPARE(trainer.evaluate(images, 1, labels), told);  // the same draws: the same number
  }
};

QTEST_MAIN(tst_Guidance)
#include "tst_guidance.moc"
