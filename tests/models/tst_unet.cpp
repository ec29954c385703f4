// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/channel_norm.h"
#include "diffusion/gaussian_diffusion.h"
#include "io/safetensors.h"
#include "diffusion/unet.h"
#include "diffusion/image_diffusion.h"

#include <ATen/ATen.h>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <torch/optim/adam.h>

using namespace genlab;

class tst_Unet : public QObject {
  Q_OBJECT

  static UnetOptions tiny() {
    return UnetOptions().dim(8).dim_mults({1, 2}).channels(1).resnet_block_groups(4).attn_heads(2).attn_dim_head(8);
  }

 private Q_SLOTS:
  void outputShapeEqualsInputShape_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("levels");
    QTest::newRow("28 px grey, 3 levels") << 28 << 1 << 3;
    QTest::newRow("32 px RGB, 4 levels") << 32 << 3 << 4;
    QTest::newRow("64 px RGB, 4 levels") << 64 << 3 << 4;
  }
  void outputShapeEqualsInputShape() {
    QFETCH(int, size);
    QFETCH(int, channels);
    QFETCH(int, levels);
    std::vector<int64_t> mults{1, 2, 4, 8};
    mults.resize(size_t(levels));
    Unet net(UnetOptions().dim(8).dim_mults(mults).channels(channels).resnet_block_groups(4).attn_dim_head(8));
    const auto x = at::randn({2, channels, size, size});
    QCOMPARE(net->forward(x, at::tensor(std::vector<int64_t>{3, 700})).sizes().vec(), x.sizes().vec());
  }

  void sizesTheDownsamplingCannotDivideAreRefused() {
    Unet net(UnetOptions().dim(8).dim_mults({1, 2, 4}).resnet_block_groups(4));
    try {
      net->forward(at::randn({1, 1, 30, 30}), at::zeros({1}, at::kLong));
      QFAIL("30 px passed through a U-Net that halves twice");
    } catch (const c10::Error& e) {
      QVERIFY2(QString::fromStdString(e.what_without_backtrace()).contains(QStringLiteral("30×30 is not divisible by 4")),
               e.what_without_backtrace());
    }
    QVERIFY_THROWS_EXCEPTION(c10::Error, Unet(UnetOptions().dim(12).resnet_block_groups(8)));  // 8 ∤ 12
  }

  void parameterNamesFollowSeed000() {
    Unet net(tiny());
    const auto p = net->named_parameters();
    for (const char* name : {"init_conv.weight", "time_mlp.1.weight", "time_mlp.3.bias", "downs.0.0.mlp.1.weight",
                             "downs.0.0.block1.proj.weight", "downs.0.0.block1.norm.weight", "downs.0.1.block2.proj.bias",
                             "downs.0.2.fn.fn.to_qkv.weight", "downs.0.2.fn.fn.to_out.0.weight", "downs.0.2.fn.fn.to_out.1.g",
                             "downs.0.2.fn.norm.g", "downs.0.3.1.weight", "downs.1.3.weight", "mid_block1.block1.proj.weight",
                             "mid_attn.fn.fn.to_qkv.weight", "mid_attn.fn.fn.to_out.weight", "mid_attn.fn.norm.g",
                             "mid_block2.mlp.1.bias", "ups.0.0.res_conv.weight", "ups.0.3.1.weight", "ups.1.3.weight",
                             "final_res_block.res_conv.weight", "final_conv.weight"})
      QVERIFY2(p.contains(name), name);
  }

  void parameterCountByHand() {
    // dim 8, dim_mults (1, 2), 1 channel, 4 groups, attention 2 heads × 8 (hidden 16), time_dim 32.
    // ResnetBlock(a, b) = mlp 32·2b + 2b  +  block1 9ab + b + GroupNorm 2b  +  block2 9b² + b + 2b
    //                     (+ res_conv ab + b when a ≠ b)  =  72b + 9ab + 9b² (+ ab + b).
    // Residual(PreNorm(LinearAttention(d))) = to_qkv 48d + to_out 16d + d + LayerNorm d + PreNorm d = 67d;
    // with full Attention (no LayerNorm in to_out): 66d.
    //   init_conv 1·8·49 + 8 = 400;  time_mlp Linear(8, 32) 288 + Linear(32, 32) 1,056 = 1,344
    //   downs.0: 2·RB(8, 8) = 2·1,728 + LA(8) 536 + Downsample 1×1 conv 32→8 264            =  4,256
    //   downs.1: 2·RB(8, 8) 3,456 + LA(8) 536 + 3×3 conv 8→16 1,168                          =  5,160
    //   middle: 2·RB(16, 16) = 2·5,760 + Attention(16) 1,056                                  = 12,576
    //   ups.0: 2·RB(24, 16) = 2·7,312 + LA(16) 1,072 + Upsample 3×3 conv 16→8 1,160           = 16,856
    //   ups.1: 2·RB(16, 8) = 2·2,440 + LA(8) 536 + 3×3 conv 8→8 584                           =  6,000
    //   final_res_block RB(16, 8) 2,440;  final_conv 8 + 1 = 9
    //   total 400 + 1,344 + 4,256 + 5,160 + 12,576 + 16,856 + 6,000 + 2,440 + 9 = 49,041
    Unet net(tiny());
    int64_t n = 0;
    for (const auto& p : net->parameters())
      n += p.numel();
    QCOMPARE(n, int64_t(49041));
  }

  void pytorchWithTheSameWeightsGivesTheSameOutput() {
    // tests/python/unet_reference.py builds the architecture independently in PyTorch, loads our
    // weights strictly (every name must match) and runs the same input.
    torch::manual_seed(7);
    Unet net(UnetOptions().dim(8).dim_mults({1, 2, 2}).channels(1).resnet_block_groups(4).attn_heads(2).attn_dim_head(8));
    {  // non-trivial norms and gains, which a fresh init leaves at 1 and 0
      torch::NoGradGuard no_grad;
      for (auto& p : net->named_parameters())
        if (p.key().find("norm") != std::string::npos || p.key().find(".g") != std::string::npos)
          p.value().add_(at::randn_like(p.value()) * 0.1);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("unet.safetensors"));
    NamedTensors tensors;
    for (const auto& p : net->named_parameters())
      tensors.emplace_back(p.key(), p.value());
    QCOMPARE(QString::fromStdString(save_safetensors(path.toStdString(), tensors).error), QString());
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"),
             {QStringLiteral(GENLAB_SOURCE_DIR "/tests/python/unet_reference.py"), path, QStringLiteral("8"),
              QStringLiteral("1,2,2"), QStringLiteral("1"), QStringLiteral("4"), QStringLiteral("2"), QStringLiteral("8"),
              QStringLiteral("12"), QStringLiteral("12")});
    QVERIFY(py.waitForFinished(120000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const auto values = py.readAllStandardOutput().trimmed().split(' ');
    const auto x = at::sin(0.37 * at::arange(2 * 144, at::kFloat)).reshape({2, 1, 12, 12});
    torch::NoGradGuard no_grad;
    const auto ours = net->forward(x, at::tensor(std::vector<int64_t>{3, 500})).flatten().contiguous();
    QCOMPARE(values.size(), qsizetype(ours.numel()));
    double worst = 0;
    for (qsizetype i = 0; i < values.size(); ++i)
      worst = std::max(worst, std::abs(values[i].toDouble() - double(ours[i].item<float>())));
    qInfo("U-Net, GenLab vs PyTorch with the same weights: largest difference %.2g over %lld outputs", worst,
          static_cast<long long>(values.size()));
    QVERIFY(worst <= 1e-5);
  }

  void channelLayerNormMatchesTheFormulaAndItsGradient() {
    // The fused kernel against the seed's formula (x − mean_c)·(var_c + eps)^−½·g run through
    // LibTorch's own ops and autograd, in double, on an uneven shape (3 channels of 5×7 pixels).
    at::manual_seed(7);
    const auto x0 = at::randn({4, 3, 5, 7}, at::kDouble) * 3 + 1;
    const auto g0 = at::randn({1, 3, 1, 1}, at::kDouble);
    const auto dy = at::randn({4, 3, 5, 7}, at::kDouble);
    auto x1 = x0.clone().requires_grad_(true), g1 = g0.clone().requires_grad_(true);
    auto x2 = x0.clone().requires_grad_(true), g2 = g0.clone().requires_grad_(true);
    const auto fused = channel_layer_norm(x1, g1, 1e-5);
    const auto plain = (x2 - x2.mean(1, true)) * (x2.var(1, false, true) + 1e-5).rsqrt() * g2;
    (fused * dy).sum().backward();
    (plain * dy).sum().backward();
    const double dv = (fused - plain).abs().max().item<double>();
    const double dx = (x1.grad() - x2.grad()).abs().max().item<double>();
    const double dg = (g1.grad() - g2.grad()).abs().max().item<double>();
    qInfo("channel LayerNorm, fused vs formula (double): value %.2g, dx %.2g, dg %.2g", dv, dx, dg);
    QVERIFY(dv < 1e-12 && dx < 1e-12 && dg < 1e-12);
    QCOMPARE(g1.grad().sizes().vec(), g0.sizes().vec());
    // Each pixel's channels come out with mean 0 and (biased) variance 1 when g = 1.
    const auto y = channel_layer_norm(x0.to(at::kFloat), at::ones({1, 3, 1, 1}), 1e-5);
    QVERIFY(y.mean(1).abs().max().item<double>() < 1e-5);
    QVERIFY((y.var(1, false) - 1).abs().max().item<double>() < 1e-3);
  }

  void gradientsReachEveryBlockAndOverfitOneBatch() {
    at::set_num_threads(2);
    torch::manual_seed(1);
    Unet net(tiny());
    const GaussianDiffusion d(GaussianDiffusionOptions().timesteps(1000));
    const auto x0 = (at::rand({4, 1, 16, 16}) > 0.6).to(at::kFloat) * 2 - 1, noise = at::randn({4, 1, 16, 16});
    const auto t = at::tensor(std::vector<int64_t>{10, 200, 500, 900});
    const auto xt = d.q_sample(x0, t, noise);
    torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(2e-3));
    double first = 0, last = 0;
    for (int i = 0; i < 300; ++i) {
      const auto loss = (net->forward(xt, t) - noise).pow(2).mean();
      opt.zero_grad();
      loss.backward();
      if (i == 0)
        for (const auto& p : net->named_parameters())
          QVERIFY2(p.value().grad().defined() && p.value().grad().abs().sum().item<double>() > 0, p.key().c_str());
      opt.step();
      (i == 0 ? first : last) = loss.item<double>();
    }
    qInfo("U-Net on one batch of 4: loss %.4f -> %.4f after 300 steps", first, last);
    QVERIFY(last < first / 10);
  }

  // The cosine decay by hand: lr at step 0, half-way lr/100 + (lr − lr/100)/2, lr/100 from the end on.
  void learningRateDecaysAlongAHalfCosine() {
    ImageDiffusionTrainer t(tiny(), GaussianDiffusionOptions().timesteps(100),
                            ImageDiffusionTrainerOptions().batch_size(8).lr(1e-3), at::rand({16, 1, 8, 8}));
    QCOMPARE(t.lr_at(0), 1e-3);
    QCOMPARE(t.lr_at(5000), 1e-3);  // no decay asked: constant
    t.set_lr_decay(100);
    QCOMPARE(t.lr_at(0), 1e-3);
    QVERIFY(std::abs(t.lr_at(50) - (1e-5 + (1e-3 - 1e-5) * 0.5)) < 1e-15);
    QVERIFY(std::abs(t.lr_at(25) - (1e-5 + (1e-3 - 1e-5) * 0.5 * (1 + std::sqrt(0.5)))) < 1e-15);
    QCOMPARE(t.lr_at(100), 1e-5);
    QCOMPARE(t.lr_at(250), 1e-5);
  }

  // Mixed precision: the same steps in bfloat16 keep float32 weights and moments, finite losses
  // close to float32's, and a bf16 denoiser gives float32 outputs close to the float32 one's.
  void bfloat16TrainingKeepsFloat32WeightsAndStaysClose() {
    at::set_num_threads(2);
    const auto images = at::rand({32, 1, 16, 16});
    auto make = [&](Precision p) {
      torch::manual_seed(3);
      return std::make_unique<ImageDiffusionTrainer>(tiny(), GaussianDiffusionOptions().timesteps(100),
                                                     ImageDiffusionTrainerOptions().batch_size(16).precision(p), images);
    };
    auto full = make(Precision::Float32), half = make(Precision::BFloat16);
    double a = 0, b = 0;
    for (int i = 0; i < 4; ++i) {
      a = full->step();
      b = half->step();
    }
    QVERIFY(std::isfinite(b));
    QVERIFY2(std::abs(a - b) < 0.1 * a, qPrintable(QStringLiteral("fp32 %1, bf16 %2").arg(a).arg(b)));
    for (const auto& p : half->model()->named_parameters())
      QVERIFY2(p.value().scalar_type() == at::kFloat, p.key().c_str());
    const auto x = at::randn({4, 1, 16, 16}), t = at::tensor(std::vector<int64_t>{1, 30, 60, 99});
    const auto exact = unet_denoiser(full->ema())(x, t), approx = unet_denoiser(full->ema(), Precision::BFloat16)(x, t);
    QCOMPARE(approx.scalar_type(), at::kFloat);
    const double relative = ((approx - exact).norm() / exact.norm()).item<double>();
    QVERIFY2(relative < 0.05, qPrintable(QString::number(relative)));
    QVERIFY2(relative > 0, "bf16 computed exactly what fp32 did: was it bf16 at all?");
  }

  // Without attention at the full-size level the U-Net is the full one whose full-size attention
  // adds nothing: zero that attention's output projection (its LayerNorm of 0 is 0, so x + 0 = x),
  // copy every other weight by name, and the outputs agree. No parameter of that level remains.
  void attentionFromLevelOneIsTheFullNetWithoutTheTopAttention() {
    torch::manual_seed(5);
    Unet full(tiny()), lean(UnetOptions(tiny()).attention_from_level(1));
    const auto fullParams = full->named_parameters(), leanParams = lean->named_parameters();
    QVERIFY(fullParams.size() > leanParams.size());
    for (const auto& p : fullParams)
      QVERIFY2(leanParams.contains(p.key()) != (p.key().rfind("downs.0.2.", 0) == 0 || p.key().rfind("ups.1.2.", 0) == 0),
               p.key().c_str());
    {
      torch::NoGradGuard no_grad;
      for (const auto& p : leanParams)
        p.value().copy_(fullParams[p.key()]);
      for (const char* name : {"downs.0.2.fn.fn.to_out.0.weight", "downs.0.2.fn.fn.to_out.0.bias",
                               "ups.1.2.fn.fn.to_out.0.weight", "ups.1.2.fn.fn.to_out.0.bias"})
        fullParams[name].zero_();
    }
    const auto x = at::randn({3, 1, 16, 16}), t = at::tensor(std::vector<int64_t>{0, 40, 99});
    const auto a = full->forward(x, t), b = lean->forward(x, t);
    QVERIFY2(at::allclose(a, b, 1e-5, 1e-5), qPrintable(QString::number((a - b).abs().max().item<double>())));
    QVERIFY_THROWS_EXCEPTION(c10::Error, Unet(UnetOptions(tiny()).attention_from_level(3)));  // 2 levels
  }

  void trainerEvaluatesItsEmaWeightsAndLoadsThemBack() {
    at::set_num_threads(2);
    torch::manual_seed(2);
    const auto images = at::rand({16, 1, 8, 8}), held = at::rand({12, 1, 8, 8});
    ImageDiffusionTrainer t(tiny(), GaussianDiffusionOptions().timesteps(100),
                            ImageDiffusionTrainerOptions().batch_size(8).ema_decay(0.5), images);
    for (int i = 0; i < 3; ++i)
      t.step();
    const double l = t.evaluate(held);
    QVERIFY(std::isfinite(l) && l > 0);
    QCOMPARE(t.evaluate(held), l);
    // The EMA weights, on the images scaled to [−1, 1] as in training.
    QCOMPARE(t.diffusion().held_out_loss(unet_denoiser(t.ema()), held * 2 - 1, 12345), l);
    QVERIFY(t.diffusion().held_out_loss(unet_denoiser(t.model()), held * 2 - 1, 12345) != l);
    QVERIFY(t.diffusion().held_out_loss(unet_denoiser(t.ema()), held, 12345) != l);
    t.step();  // training goes on after an evaluation: nothing it made is an inference tensor in the model
    QVERIFY(t.evaluate(held) != l);
    QVERIFY_THROWS_EXCEPTION(c10::Error, t.evaluate(at::rand({2, 3, 8, 8})));

    QTemporaryDir dir;
    const auto w = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    const auto st = dir.filePath(QStringLiteral("optimizer.safetensors")).toStdString();
    QCOMPARE(QString::fromStdString(t.save_checkpoint(w, st).error), QString());
    const auto file = load_safetensors(w);
    QVERIFY2(file.ok(), file.error.c_str());
    Unet a(tiny()), b(tiny()), m(tiny());
    const Status fromFile = load_unet(a, file.value, "weights.safetensors");
    QVERIFY2(fromFile.ok(), fromFile.error.c_str());
    const Status fromPath = load_unet(b, w);
    QVERIFY2(fromPath.ok(), fromPath.error.c_str());
    QVERIFY(load_unet(m, file.value, "weights.safetensors", /*ema=*/false).ok());
    for (const auto& p : t.ema()->named_parameters()) {
      QVERIFY2(at::equal(a->named_parameters()[p.key()], p.value()), p.key().c_str());
      QVERIFY2(at::equal(b->named_parameters()[p.key()], p.value()), p.key().c_str());
    }
    for (const auto& p : t.model()->named_parameters())
      QVERIFY2(at::equal(m->named_parameters()[p.key()], p.value()), p.key().c_str());

    SafetensorsFile f64 = file.value;
    for (auto& [name, tensor] : f64.tensors)
      if (name == "ema.final_conv.weight")
        tensor = tensor.to(at::kDouble);
    Unet c(tiny());
    const auto before = c->init_conv->weight.clone();
    QCOMPARE(QString::fromStdString(load_unet(c, f64, "weights.safetensors").error),
             QStringLiteral("weights.safetensors: 'ema.final_conv.weight' is float64, the model needs float32"));
    QVERIFY(at::equal(c->init_conv->weight, before));
    QVERIFY(load_unet(c, f64, "weights.safetensors", /*ema=*/false).ok());  // "model.*" is intact
    Unet wide(tiny().dim(16));
    const Status shape = load_unet(wide, w);
    QVERIFY2(QString::fromStdString(shape.error).startsWith(QStringLiteral("weights.safetensors: 'ema.")) &&
                 QString::fromStdString(shape.error).contains(QStringLiteral("has shape")),
             shape.error.c_str());
  }
};

QTEST_APPLESS_MAIN(tst_Unet)
#include "tst_unet.moc"
