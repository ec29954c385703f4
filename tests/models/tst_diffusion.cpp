// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/gaussian_diffusion.h"
#include "data/toy2d.h"
#include "diffusion/toy_diffusion.h"
#include "io/safetensors.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/optim/adam.h>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace genlab;

class tst_Diffusion : public QObject {
  Q_OBJECT

  static at::Tensor ts(int64_t b, int64_t t) { return at::full({b}, t, at::kLong); }

 private Q_SLOTS:
  void qSampleHasTheFormulasMeanAndVariance_data() {
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<int>("t");
    for (const char* s : {"linear", "cosine"})
      for (int t : {0, 250, 999})
        QTest::newRow(qPrintable(QStringLiteral("%1 t=%2").arg(QLatin1String(s)).arg(t))) << QString::fromLatin1(s) << t;
  }
  void qSampleHasTheFormulasMeanAndVariance() {
    QFETCH(QString, schedule);
    QFETCH(int, t);
    const GaussianDiffusion d(GaussianDiffusionOptions().schedule(schedule.toStdString()).timesteps(1000));
    const int64_t n = 200000;
    const auto x0 = at::full({n, 1}, 0.7f);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(11);
    const auto xt = d.q_sample(x0, ts(n, t), at::randn({n, 1}, gen, at::TensorOptions(at::kFloat)));
    const double abar = d.schedule().alphas_cumprod[size_t(t)];
    const double mean = std::sqrt(abar) * 0.7, var = 1 - abar;
    // Standard errors of a sample mean and variance of n Gaussians: √(var/n) and var·√(2/n); allow 5.
    QVERIFY(std::abs(xt.mean().item<double>() - mean) <= 5 * std::sqrt(var / double(n)) + 1e-6);
    QVERIFY(std::abs(xt.var().item<double>() - var) <= 5 * var * std::sqrt(2.0 / double(n)) + 1e-9);
  }

  void predictionsInvertQSample() {
    const GaussianDiffusion d(GaussianDiffusionOptions().timesteps(1000));
    torch::manual_seed(2);
    const auto x0 = at::rand({6, 3, 8, 8}) * 2 - 1, noise = at::randn({6, 3, 8, 8});
    const auto t = at::tensor(std::vector<int64_t>{0, 1, 10, 500, 998, 999});
    const auto xt = d.q_sample(x0, t, noise);
    QVERIFY(at::allclose(d.predict_start_from_noise(xt, t, noise), x0, 1e-4, 1e-4));
    QVERIFY(at::allclose(d.predict_noise_from_start(xt, t, x0), noise, 1e-3, 1e-3));
    QVERIFY(at::allclose(d.predict_start_from_v(xt, t, d.predict_v(x0, t, noise)), x0, 1e-5, 1e-5));
    // The posterior mean at t = 0 is x0 itself (coef1 = 1, coef2 = 0) with zero variance.
    const auto post = d.q_posterior(x0, xt, ts(6, 0));
    QVERIFY(at::allclose(post.mean, x0));
    QCOMPARE(post.variance.max().item<float>(), 0.f);
  }

  void timestepListsMatchTheSpacing() {
    const GaussianDiffusion d(GaussianDiffusionOptions().timesteps(1000));
    const auto ddpm = d.ddpm_timesteps();
    QCOMPARE(ddpm.size(), size_t(1000));
    QCOMPARE(ddpm.front(), int64_t(999));
    QCOMPARE(ddpm.back(), int64_t(0));
    // DDIM-50 on T = 1000: linspace(−1, 999, 51) = −1 + 20k → 999, 979, …, 19.
    const auto ddim = d.ddim_timesteps(50);
    QCOMPARE(ddim.size(), size_t(50));
    for (size_t i = 0; i < ddim.size(); ++i)
      QCOMPARE(ddim[i], int64_t(999 - 20 * int64_t(i)));
    // Uneven spacings against torch.linspace itself (python3-torch, the same LibTorch).
    for (auto [T, S] : {std::pair<int, int>{1000, 7}, {100, 30}, {1000, 333}}) {
      QProcess p;
      p.start(QStringLiteral("/usr/bin/python3"),
              {QStringLiteral("-c"), QStringLiteral("import torch; t = torch.linspace(-1, %1 - 1, steps=%2 + 1); "
                                                    "print(' '.join(map(str, reversed(t.int().tolist()))))")
                                         .arg(T).arg(S)});
      QVERIFY(p.waitForFinished(60000));
      const auto expected = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
      const auto ours = GaussianDiffusion(GaussianDiffusionOptions().timesteps(T)).ddim_timesteps(S);
      QCOMPARE(qsizetype(ours.size()) + 1, expected.size());  // torch's list ends with −1
      for (size_t i = 0; i < ours.size(); ++i)
        QCOMPARE(ours[i], expected[qsizetype(i)].toLongLong());
    }
    QVERIFY_THROWS_EXCEPTION(c10::Error, d.ddim_timesteps(0));
    QVERIFY_THROWS_EXCEPTION(c10::Error, d.ddim_timesteps(1001));
    // A fork's DDIM from timestep 613 with 9 steps: torch.linspace(−1, 613, 10).
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import torch; t = torch.linspace(-1, 613, steps=10); "
                                                  "print(' '.join(map(str, reversed(t.int().tolist()))))")});
    QVERIFY(p.waitForFinished(60000));
    const auto expected = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
    const auto fork = d.ddim_timesteps(9, 613);
    QCOMPARE(qsizetype(fork.size()) + 1, expected.size());
    for (size_t i = 0; i < fork.size(); ++i)
      QCOMPARE(fork[i], expected[qsizetype(i)].toLongLong());
    QCOMPARE(fork.front(), int64_t(613));
    QCOMPARE(d.ddpm_timesteps(3), (std::vector<int64_t>{3, 2, 1, 0}));
    QVERIFY_THROWS_EXCEPTION(c10::Error, d.ddim_timesteps(615, 613));
    QVERIFY_THROWS_EXCEPTION(c10::Error, d.ddpm_timesteps(1000));
  }

  void aForkContinuesFromAnyStep() {
    const GaussianDiffusion d(GaussianDiffusionOptions().timesteps(200));
    const Denoiser model = [](const at::Tensor& x, const at::Tensor& t) { return 0.3 * x + 0.001 * t.view({-1, 1, 1, 1}); };
    auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
    std::vector<DiffusionStep> steps;
    const auto end = d.ddim_sample(model, {2, 1, 4, 4}, 20, 0.0, gen, [&](const DiffusionStep& s) {
      steps.push_back(s);
      return true;
    });
    // η = 0: continuing from step 8's state over the same remaining timesteps ends where the
    // original did, and reports indices 8, 9, …
    const auto times = d.ddim_timesteps(20);
    const std::vector<int64_t> rest(times.begin() + 8, times.end());
    std::vector<int64_t> indices;
    auto other = at::make_generator<at::CPUGeneratorImpl>(99);
    const auto again = d.denoise(model, steps[8].x_t, rest, true, 0.0, other, [&](const DiffusionStep& s) {
      indices.push_back(s.index);
      return true;
    }, 8);
    QVERIFY(at::allclose(again, end, 0, 1e-6));
    QCOMPARE(indices.front(), int64_t(8));
    QCOMPARE(indices.size(), size_t(12));
    // DDPM from the same state with two seeds: two different endings.
    auto s1 = at::make_generator<at::CPUGeneratorImpl>(1), s2 = at::make_generator<at::CPUGeneratorImpl>(2);
    const auto a = d.denoise(model, steps[8].x_t, d.ddpm_timesteps(steps[8].t), false, 0.0, s1);
    const auto b = d.denoise(model, steps[8].x_t, d.ddpm_timesteps(steps[8].t), false, 0.0, s2);
    QVERIFY(!at::allclose(a, b));
    QVERIFY_THROWS_EXCEPTION(c10::Error, d.denoise(model, steps[8].x_t, {100, 98}, false, 0.0, s1));  // DDPM skips
  }

  void samplersReportEveryStepAndStopWhenAsked() {
    const GaussianDiffusion d(GaussianDiffusionOptions().timesteps(100));
    const Denoiser model = [](const at::Tensor& x, const at::Tensor&) { return 0.1 * x; };
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
    std::vector<int64_t> seen;
    d.p_sample_loop(model, {2, 1, 4, 4}, gen, [&](const DiffusionStep& s) {
      seen.push_back(s.t);
      return s.x0.defined() && s.eps.defined() && s.next.sizes() == s.x_t.sizes();
    });
    QCOMPARE(seen, d.ddpm_timesteps());
    seen.clear();
    d.ddim_sample(model, {2, 1, 4, 4}, 10, 0.0, gen, [&](const DiffusionStep& s) {
      seen.push_back(s.t);
      return true;
    });
    QCOMPARE(seen, d.ddim_timesteps(10));
    int calls = 0;
    d.p_sample_loop(model, {1, 1, 4, 4}, gen, [&](const DiffusionStep&) { return ++calls < 7; });
    QCOMPARE(calls, 7);  // cancelled after the seventh step
  }

  void ddimWithEtaZeroIsDeterministic() {
    const GaussianDiffusion d(GaussianDiffusionOptions().timesteps(1000).schedule("cosine"));
    const Denoiser model = [](const at::Tensor& x, const at::Tensor& t) { return 0.3 * x + 0.001 * t.view({-1, 1, 1, 1}); };
    // η = 0 draws the starting noise and nothing else: the generator ends exactly one draw further.
    auto a = at::make_generator<at::CPUGeneratorImpl>(5), b = at::make_generator<at::CPUGeneratorImpl>(5);
    const auto x1 = d.ddim_sample(model, {3, 1, 8, 8}, 50, 0.0, a);
    at::randn({3, 1, 8, 8}, b, at::TensorOptions(at::kFloat));
    QVERIFY(at::equal(at::randn({4}, a, at::TensorOptions(at::kFloat)), at::randn({4}, b, at::TensorOptions(at::kFloat))));
    auto c = at::make_generator<at::CPUGeneratorImpl>(5);
    QVERIFY(at::equal(d.ddim_sample(model, {3, 1, 8, 8}, 50, 0.0, c), x1));
    auto e = at::make_generator<at::CPUGeneratorImpl>(5);
    QVERIFY(!at::equal(d.ddim_sample(model, {3, 1, 8, 8}, 50, 1.0, e), x1));  // η = 1 adds noise
    QVERIFY(x1.abs().max().item<float>() <= 1.f);  // x̂0 clipped to [−1, 1]
  }

  void heldOutLossOfAZeroModelIsTheNoisesSecondMoment() {
    const GaussianDiffusion d(GaussianDiffusionOptions().timesteps(1000));
    bool gradients = true;
    const Denoiser zero = [&](const at::Tensor& x, const at::Tensor&) {
      gradients = at::GradMode::is_enabled();
      return at::zeros_like(x);
    };
    // x0 far from 0, so comparing with x0 or x_t instead of ε would show.
    const double l = d.held_out_loss(zero, at::full({20000, 2}, 3.f), 4);
    // ε̂ = 0: the mean of 40,000 squared standard normals, E = 1 and standard error √(2/40000) ≈ 0.0071.
    QVERIFY2(std::abs(l - 1) < 5 * std::sqrt(2.0 / 40000), qPrintable(QString::number(l)));
    QVERIFY(!gradients);
    const Denoiser readsT = [](const at::Tensor& x, const at::Tensor& t) {
      return at::zeros_like(x) + 0.0 * t.view({-1, 1});  // t comes as (B) timesteps
    };
    QVERIFY(std::abs(d.held_out_loss(readsT, at::full({20000, 2}, 3.f), 4) - l) < 1e-12);
  }

  // The loss per tenth of the timesteps: a model that answers ε̂ = 1 for t ≥ T/2 and 0 below has
  // E (ε̂ − ε)² = 1 in the first five buckets and 1 + 1 = 2 in the last five (each about 2,000
  // examples of 2 values: standard error √(2/4000) ≈ 0.022 for the first, √(8/4000) for the rest).
  void heldOutLossByTimestepBucket() {
    const GaussianDiffusion d(GaussianDiffusionOptions().timesteps(1000));
    const Denoiser halfway = [](const at::Tensor& x, const at::Tensor& t) {
      return at::zeros_like(x) + (t >= 500).to(at::kFloat).view({-1, 1});
    };
    const auto x0 = at::full({20000, 2}, 3.f);
    const auto l = d.held_out_losses(halfway, x0, 4, 10);
    QCOMPARE(int(l.by_timestep.size()), 10);
    for (int b = 0; b < 10; ++b) {
      const double expected = b < 5 ? 1.0 : 2.0, se = std::sqrt((b < 5 ? 2.0 : 8.0) / 4000);
      QVERIFY2(std::abs(l.by_timestep[size_t(b)] - expected) < 5 * se,
               qPrintable(QStringLiteral("bucket %1: %2").arg(b).arg(l.by_timestep[size_t(b)])));
    }
    QVERIFY(std::abs(l.mean - 1.5) < 5 * std::sqrt(10.0 / 40000));  // half at 1, half at 2: E 1.5
    // More buckets than examples: the empty ones say so (NaN), not 0.
    const auto few = d.held_out_losses(halfway, at::full({3, 2}, 3.f), 4, 100);
    int empty = 0;
    for (double v : few.by_timestep)
      empty += std::isnan(v) ? 1 : 0;
    QVERIFY(empty >= 97);
  }

  // Min-SNR-γ weighting of the ε-loss: each example's error times min(SNR_t, γ) / SNR_t. With ε̂ = 0
  // the expected loss is the mean of that weight over t (E ε² = 1), from the linear schedule's
  // ᾱ_t computed here in float64; with γ above every SNR it is the plain loss, draw for draw.
  void minSnrWeightingByHand() {
    const Denoiser zero = [](const at::Tensor& x, const at::Tensor&) { return at::zeros_like(x); };
    const auto x0 = at::full({20000, 2}, 0.5f);
    double expected = 0, ab = 1, max_snr = 0;
    for (int t = 0; t < 1000; ++t) {
      ab *= 1 - (1e-4 + (0.02 - 1e-4) * t / 999.0);
      const double snr = ab / (1 - ab);
      expected += std::min(snr, 5.0) / snr / 1000;
      max_snr = std::max(max_snr, snr);
    }
    QVERIFY(expected < 0.95);  // the weighting matters for this schedule
    auto gen = at::make_generator<at::CPUGeneratorImpl>(9);
    const double weighted =
        GaussianDiffusion(GaussianDiffusionOptions().timesteps(1000).min_snr_gamma(5)).loss(zero, x0, gen).item<double>();
    QVERIFY2(std::abs(weighted - expected) < 0.03, qPrintable(QStringLiteral("%1 vs %2").arg(weighted).arg(expected)));
    auto g1 = at::make_generator<at::CPUGeneratorImpl>(9), g2 = at::make_generator<at::CPUGeneratorImpl>(9);
    const double plain = GaussianDiffusion(GaussianDiffusionOptions().timesteps(1000)).loss(zero, x0, g1).item<double>();
    const double wide =
        GaussianDiffusion(GaussianDiffusionOptions().timesteps(1000).min_snr_gamma(2 * max_snr)).loss(zero, x0, g2).item<double>();
    QVERIFY(std::abs(plain - wide) < 1e-6 * plain);
  }

  // A denoiser that knows x0 (one constant for every value) recovers the exact ε from x_t and t:
  // ε = (x_t − √ᾱ_t·x0) / √(1 − ᾱ_t), with ᾱ from the schedule in float64. It answers in the form the
  // objective asks (ε, x0 or v = √ᾱ·ε − √(1−ᾱ)·x0), so the held-out loss must be ~0 for each.
  void heldOutLossOfAnOracleIsZero_data() {
    QTest::addColumn<QString>("objective");
    QTest::addColumn<QString>("schedule");
    for (const char* o : {"pred_noise", "pred_x0", "pred_v"})
      for (const char* s : {"linear", "cosine"})
        QTest::addRow("%s %s", o, s) << QString::fromLatin1(o) << QString::fromLatin1(s);
  }
  void heldOutLossOfAnOracleIsZero() {
    QFETCH(QString, objective);
    QFETCH(QString, schedule);
    const GaussianDiffusion d(
        GaussianDiffusionOptions().timesteps(1000).schedule(schedule.toStdString()).objective(objective.toStdString()));
    const double c = 0.4;
    const auto abar = at::tensor(d.schedule().alphas_cumprod, at::TensorOptions(at::kDouble));
    const std::string obj = objective.toStdString();
    const Denoiser oracle = [&](const at::Tensor& x, const at::Tensor& t) {
      const auto a = abar.index_select(0, t).view({-1, 1, 1, 1});
      const auto eps = (x.to(at::kDouble) - a.sqrt() * c) / (1 - a).sqrt();
      const auto out = obj == "pred_noise" ? eps
                       : obj == "pred_x0"  ? at::full_like(eps, c)
                                           : a.sqrt() * eps - (1 - a).sqrt() * c;
      return out.to(at::kFloat);
    };
    const double exact = d.held_out_loss(oracle, at::full({300, 1, 4, 4}, float(c)), 21, 64);
    QVERIFY2(exact < 1e-6, qPrintable(QString::number(exact)));
    if (obj == "pred_noise") {
      // Half of ε: the loss is E[(ε/2)²] = 1/4 (4,800 values, standard error 0.25·√(2/4800) ≈ 0.005).
      const Denoiser half = [&](const at::Tensor& x, const at::Tensor& t) { return 0.5 * oracle(x, t); };
      const double l = d.held_out_loss(half, at::full({300, 1, 4, 4}, float(c)), 21, 64);
      QVERIFY2(std::abs(l - 0.25) < 5 * 0.25 * std::sqrt(2.0 / 4800), qPrintable(QString::number(l)));
    }
  }

  void heldOutLossIsDeterministicAndIndependentOfTheBatch() {
    torch::manual_seed(6);
    const auto d = toy_diffusion_process(100);
    MLPDiffusion m;
    const auto pts = make_toy2d("moons", 1000, 3);
    const double a = d.held_out_loss(toy_denoiser(m), pts, 5);
    QCOMPARE(d.held_out_loss(toy_denoiser(m), pts, 5), a);
    const double b = d.held_out_loss(toy_denoiser(m), pts, 5, 7);
    QVERIFY2(std::abs(a - b) <= 1e-6 * a, qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
    QVERIFY(d.held_out_loss(toy_denoiser(m), pts, 6) != a);
    QVERIFY_THROWS_EXCEPTION(c10::Error, d.held_out_loss(toy_denoiser(m), pts, 5, 0));
    // Training after an evaluation works: nothing the evaluation made is an inference tensor in the model.
    const auto t = at::randint(100, {8}, at::kLong);
    m->forward(pts.narrow(0, 0, 8), t).pow(2).mean().backward();
    QVERIFY(m->named_parameters()["linears.0.weight"].grad().defined());
  }

  void mlpDiffusionParameterCountByHand() {
    // Linear 2→128: 384; two Linear 128→128: 2·16,512; Linear 128→2: 258; three Embedding(100, 128): 38,400.
    MLPDiffusion m(MLPDiffusionOptions().timesteps(100).hidden(128));
    int64_t n = 0;
    for (const auto& p : m->parameters())
      n += p.numel();
    QCOMPARE(n, int64_t(384 + 2 * 16512 + 258 + 38400));
    QVERIFY(m->named_parameters().contains("step_embeddings.2.weight"));
    QVERIFY(m->named_parameters().contains("linears.6.bias"));
  }

  void toyModelOverfitsOneBatch() {
    // A fixed batch of (x_t, t, ε): the loss must fall 10× — gradients reach every layer and embedding.
    at::set_num_threads(2);
    torch::manual_seed(3);
    const auto d = toy_diffusion_process(100);
    MLPDiffusion m;
    const auto x0 = make_toy2d("s-curve", 64, 1), noise = at::randn({64, 2});
    const auto t = at::randint(100, {64}, at::kLong);
    const auto xt = d.q_sample(x0, t, noise);
    torch::optim::Adam opt(m->parameters(), torch::optim::AdamOptions(1e-3));
    double first = 0, last = 0;
    for (int i = 0; i < 400; ++i) {
      const auto loss = (m->forward(xt, t) - noise).pow(2).mean();
      opt.zero_grad();
      loss.backward();
      opt.step();
      (i == 0 ? first : last) = loss.item<double>();
    }
    qInfo("toy model on one batch: loss %.4f -> %.4f after 400 steps", first, last);
    QVERIFY(last < first / 10);
  }

  void toyDiffusionLearnsTheSCurveAndResumesExactly() {
    at::set_num_threads(2);
    const auto train = make_toy2d("s-curve", 10000, 1), held = make_toy2d("s-curve", 1000, 2);
    const double spread = held.std(0).mean().item<double>();
    auto far = [&](ToyDiffusionTrainer& t) {  // mean distance from a sample to the nearest data point
      auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
      const auto s = t.diffusion().p_sample_loop(toy_denoiser(t.ema()), {1000, 2}, gen);
      return std::get<0>(at::cdist(s, held).min(1)).mean().item<double>() / spread;
    };
    ToyDiffusionTrainer t(MLPDiffusionOptions(), ToyDiffusionTrainerOptions(), train);
    const double before = far(t);
    const double heldBefore = t.evaluate(held);
    std::vector<double> losses;
    for (int i = 0; i < 6000; ++i)
      losses.push_back(t.step());
    const double after = far(t);
    const double heldAfter = t.evaluate(held);
    qInfo("toy diffusion, S-curve: samples' mean distance to the data %.3f -> %.3f after 6,000 steps; held-out "
          "noise-prediction loss %.4f -> %.4f", before, after, heldBefore, heldAfter);
    QVERIFY(after < 0.1 * before);
    QVERIFY(heldAfter < 0.8 * heldBefore);
    QCOMPARE(t.evaluate(held), heldAfter);

    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    ToyDiffusionTrainer first(MLPDiffusionOptions(), ToyDiffusionTrainerOptions(), train);
    for (int i = 0; i < 100; ++i)
      first.step();
    QCOMPARE(QString::fromStdString(first.save_checkpoint(w, st).error), QString());
    ToyDiffusionTrainer resumed(MLPDiffusionOptions(), ToyDiffusionTrainerOptions().seed(9), train);
    QCOMPARE(QString::fromStdString(resumed.load_checkpoint(w, st).error), QString());
    for (int i = 100; i < 120; ++i) {
      const double l = resumed.step();
      QVERIFY2(std::abs(l - losses[size_t(i)]) <= 1e-5 * std::abs(losses[size_t(i)]),
               qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i + 1).arg(l).arg(losses[size_t(i)])));
    }
    MLPDiffusion loaded, fromFile, raw;
    QCOMPARE(QString::fromStdString(load_toy_diffusion(loaded, w).error), QString());
    QVERIFY(at::equal(loaded->named_parameters()["linears.0.weight"], first.ema()->named_parameters()["linears.0.weight"]));
    // The opened file fills the same weights; "model.*" are the other ones.
    const auto file = load_safetensors(w);
    QVERIFY2(file.ok(), file.error.c_str());
    QVERIFY(load_toy_diffusion(fromFile, file.value, "weights.safetensors").ok());
    QVERIFY(load_toy_diffusion(raw, file.value, "weights.safetensors", /*ema=*/false).ok());
    for (const auto& p : loaded->named_parameters())
      QVERIFY(at::equal(p.value(), fromFile->named_parameters()[p.key()]));
    QVERIFY(at::equal(raw->named_parameters()["linears.0.weight"], first.model()->named_parameters()["linears.0.weight"]));
    // The trainer evaluates its EMA weights.
    const double emaLoss = first.diffusion().held_out_loss(toy_denoiser(loaded), held, 12345);
    QCOMPARE(first.evaluate(held), emaLoss);
    QVERIFY(first.diffusion().held_out_loss(toy_denoiser(raw), held, 12345) != emaLoss);
    // Wrong dtype and wrong size are refused with the tensor's name.
    SafetensorsFile f64 = file.value;
    for (auto& [name, tensor] : f64.tensors)
      if (name == "ema.step_embeddings.1.weight")
        tensor = tensor.to(at::kDouble);
    const Status refused = load_toy_diffusion(fromFile, f64, "weights.safetensors");
    QCOMPARE(QString::fromStdString(refused.error),
             QStringLiteral("weights.safetensors: 'ema.step_embeddings.1.weight' is float64, the model needs float32"));
    MLPDiffusion wide(MLPDiffusionOptions().hidden(64));
    const Status narrow = load_toy_diffusion(wide, file.value, "weights.safetensors");
    QVERIFY2(QString::fromStdString(narrow.error).contains(QStringLiteral("'ema.linears.0.weight' has shape [128, 2]")),
             narrow.error.c_str());
  }

  void badOptionsAreRefused() {
    QVERIFY_THROWS_EXCEPTION(c10::Error, GaussianDiffusion(GaussianDiffusionOptions().objective("pred_eps")));
    QVERIFY_THROWS_EXCEPTION(c10::Error, GaussianDiffusion(GaussianDiffusionOptions().schedule("quadratic")));
    const GaussianDiffusion d(GaussianDiffusionOptions().timesteps(100));
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
    const Denoiser model = [](const at::Tensor& x, const at::Tensor&) { return x; };
    QVERIFY_THROWS_EXCEPTION(c10::Error, d.ddim_sample(model, {1, 2}, 10, 1.5, gen));
    const Denoiser wrong = [](const at::Tensor& x, const at::Tensor&) { return x.narrow(1, 0, 1); };
    QVERIFY_THROWS_EXCEPTION(c10::Error, d.p_sample_loop(wrong, {1, 2}, gen));
    QVERIFY_THROWS_EXCEPTION(c10::Error, ToyDiffusionTrainer(MLPDiffusionOptions(), ToyDiffusionTrainerOptions().ema_decay(1.0),
                                                             make_toy2d("moons", 500, 1)));
  }
};

QTEST_APPLESS_MAIN(tst_Diffusion)
#include "tst_diffusion.moc"
