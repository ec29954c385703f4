// SPDX-License-Identifier: GPL-3.0-or-later
// Every network's tensors worked out from its options (nn/tensor_specs.h) against the module built
// from the same options: the same names, shapes, kinds (parameter or buffer) and dtypes, in the
// order named_parameters() and named_buffers() list them. Options the spec refuses make the
// constructor throw the same message, or (where only LibTorch's layers or the forward pass would
// fail) make the network fail.
#include "diffusion/toy_diffusion.h"
#include "diffusion/unet.h"
#include "gan/dcgan.h"
#include "io/safetensors.h"
#include "nn/tensor_specs.h"
#include "pixelcnn/pixelcnn.h"
#include "pixelrnn/pixelrnn.h"
#include "quality/classifier.h"
#include "toy/toy_models.h"
#include "vae/conv_vae.h"
#include "vae/vae.h"

#include <ATen/ATen.h>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <map>

using namespace genlab;

Q_DECLARE_METATYPE(genlab::VAEOptions)
Q_DECLARE_METATYPE(genlab::ConvVAEOptions)
Q_DECLARE_METATYPE(genlab::DCGANOptions)
Q_DECLARE_METATYPE(genlab::UnetOptions)
Q_DECLARE_METATYPE(genlab::MLPDiffusionOptions)
Q_DECLARE_METATYPE(genlab::PixelCNNOptions)
Q_DECLARE_METATYPE(genlab::PixelRNNOptions)
Q_DECLARE_METATYPE(genlab::ToyModelOptions)

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

// What a built module holds, listed as a spec lists it.
TensorSpecs tensorsOf(const torch::nn::Module& m) {
  TensorSpecs out;
  for (const auto& p : m.named_parameters())
    out.push_back({p.key(), p.value().sizes().vec(), false, p.value().scalar_type() == at::kLong});
  for (const auto& b : m.named_buffers())
    out.push_back({b.key(), b.value().sizes().vec(), true, b.value().scalar_type() == at::kLong});
  return out;
}

std::string describe(const TensorSpec& t) {
  std::string s = t.name + " (";
  for (size_t i = 0; i < t.shape.size(); ++i)
    s += (i ? ", " : "") + std::to_string(t.shape[i]);
  return s + ")" + (t.buffer ? " buffer" : " parameter") + (t.integer ? " int64" : " float");
}

// The first difference between what `spec` lists and what `built` holds ("" when none): a tensor
// one has and the other not, another shape, kind or dtype, a name listed twice, or (`order`) the
// same tensors in another order.
QString firstDifference(const TensorSpecs& spec, const TensorSpecs& built, bool order = true) {
  std::map<std::string, const TensorSpec*> bySpec, byModule;
  for (const auto& t : spec)
    if (!bySpec.emplace(t.name, &t).second)
      return QString::fromStdString("the spec lists " + t.name + " twice");
  for (const auto& t : built)
    byModule.emplace(t.name, &t);
  for (const auto& t : built) {
    const auto it = bySpec.find(t.name);
    if (it == bySpec.end())
      return QString::fromStdString("the module has " + describe(t) + ", the spec does not");
    if (describe(*it->second) != describe(t))
      return QString::fromStdString("spec " + describe(*it->second) + ", module " + describe(t));
  }
  for (const auto& t : spec)
    if (byModule.count(t.name) == 0)
      return QString::fromStdString("the spec lists " + describe(t) + ", the module has no such tensor");
  if (order)
    for (size_t i = 0; i < spec.size(); ++i)
      if (spec[i].name != built[i].name)
        return QString::fromStdString("tensor " + std::to_string(i) + ": the spec lists " + spec[i].name +
                                      ", the module " + built[i].name);
  return {};
}

// The message `make` throws, or "" when it throws nothing.
template <class Make>
std::string thrown(Make&& make) {
  try {
    make();
    return {};
  } catch (const c10::Error& e) {
    return e.what_without_backtrace();
  }
}

}  // namespace

#define COMPARE_TENSORS(spec, module)                                       \
  do {                                                                      \
    QVERIFY2((spec).ok(), (spec).error.c_str());                            \
    const QString difference = firstDifference((spec).value, tensorsOf(module)); \
    QVERIFY2(difference.isEmpty(), qPrintable(difference));                 \
  } while (false)

// The spec refuses, and the constructor throws the very same message.
#define COMPARE_REFUSAL(spec, construct)                                    \
  do {                                                                      \
    QVERIFY2(!(spec).ok(), "the spec accepts options the constructor refuses"); \
    const std::string message = thrown([&] { construct; });                 \
    QVERIFY2(!message.empty(), "the constructor accepts options the spec refuses"); \
    QCOMPARE(QString::fromStdString((spec).error), QString::fromStdString(message)); \
  } while (false)

class tst_TensorSpecs : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { at::manual_seed(1); }

  void countsSaturateAndPrefixesApply() {
    QCOMPARE(TensorSpec({"w", {1000000, 1000000, 1000000}}).numel(), int64_t(1000000000000000000));
    const TensorSpec huge{"w", {1000000, 1000000, 1000000, 1000000}};
    QCOMPARE(huge.numel(), kMax);
    QCOMPARE(TensorSpec({"scalar", {}}).numel(), int64_t(1));
    QCOMPARE(TensorSpec({"empty", {3, 0}}).numel(), int64_t(0));
    const TensorSpecs specs{{"a", {2, 3}}, huge, {"b", {4}, /*buffer=*/true}};
    QCOMPARE(parameter_count(specs), kMax);
    QCOMPARE(parameter_count({{"a", {2, 3}}, {"b", {4}, true}}), int64_t(6));
    QCOMPARE(element_count({{"a", {2, 3}}, {"b", {4}, true}}), int64_t(10));
    const auto prefixed = with_prefix(specs, "ema.");
    QCOMPARE(prefixed[0].name, std::string("ema.a"));
    QCOMPARE(prefixed[2].name, std::string("ema.b"));
    QVERIFY(prefixed[2].buffer);
    QCOMPARE(saturating_mul(kMax / 2, 3), kMax);
    QCOMPARE(saturating_add(kMax - 1, 2), kMax);
  }

  // --- MLP VAE and auto-encoder ---------------------------------------------------------------
  void vae_data() {
    QTest::addColumn<VAEOptions>("options");
    QTest::newRow("app default VAE") << VAEOptions();
    QTest::newRow("auto-encoder") << VAEOptions().deterministic(true);
    QTest::newRow("32 px RGB, d 16") << VAEOptions().input_dim(3072).hidden_dim(64).latent_dim(16);
    QTest::newRow("small AE") << VAEOptions().input_dim(10).hidden_dim(1).latent_dim(1).deterministic(true);
  }
  void vae() {
    QFETCH(VAEOptions, options);
    COMPARE_TENSORS(vae_tensors(options), *VAE(options));
  }
  void vaeRefusals_data() {
    QTest::addColumn<VAEOptions>("options");
    QTest::newRow("input 0") << VAEOptions().input_dim(0);
    QTest::newRow("hidden 16385") << VAEOptions().hidden_dim(16385);
    QTest::newRow("latent 0") << VAEOptions().latent_dim(0);
    QTest::newRow("latent 513") << VAEOptions().latent_dim(513).deterministic(true);
  }
  void vaeRefusals() {
    QFETCH(VAEOptions, options);
    COMPARE_REFUSAL(vae_tensors(options), VAE{options});
  }
  void vaeOfAbsurdInputCountsWithoutOverflow() {
    const auto spec = vae_tensors(VAEOptions().input_dim(kMax / 2).hidden_dim(16384));
    QVERIFY2(spec.ok(), spec.error.c_str());
    QCOMPARE(parameter_count(spec.value), kMax);
  }

  // --- conv VAE -------------------------------------------------------------------------------
  void convVae_data() {
    QTest::addColumn<ConvVAEOptions>("options");
    QTest::newRow("app default, 28 px") << ConvVAEOptions();
    QTest::newRow("32 px RGB") << ConvVAEOptions().image_size(32).channels(3).latent_dim(2);
    QTest::newRow("64 px grey, width 8") << ConvVAEOptions().image_size(64).width(8).latent_dim(128);
    QTest::newRow("64 px RGB, width 4") << ConvVAEOptions().image_size(64).channels(3).width(4);
  }
  void convVae() {
    QFETCH(ConvVAEOptions, options);
    COMPARE_TENSORS(conv_encoder_tensors(options), *ConvEncoder(options));
    COMPARE_TENSORS(conv_decoder_tensors(options), *ConvDecoder(options));
    COMPARE_TENSORS(conv_vae_tensors(options), *ConvVAE(options));
  }
  void convVaeRefusals_data() {
    QTest::addColumn<ConvVAEOptions>("options");
    QTest::newRow("48 px") << ConvVAEOptions().image_size(48);
    QTest::newRow("2 channels") << ConvVAEOptions().channels(2);
    QTest::newRow("latent 129") << ConvVAEOptions().latent_dim(129);
    QTest::newRow("width 3") << ConvVAEOptions().width(3);
    QTest::newRow("width 513") << ConvVAEOptions().width(513).image_size(64);
  }
  void convVaeRefusals() {
    QFETCH(ConvVAEOptions, options);
    COMPARE_REFUSAL(conv_vae_tensors(options), ConvVAE{options});
    COMPARE_REFUSAL(conv_encoder_tensors(options), ConvEncoder{options});
    COMPARE_REFUSAL(conv_decoder_tensors(options), ConvDecoder{options});
  }

  // --- DCGAN ----------------------------------------------------------------------------------
  void dcgan_data() {
    QTest::addColumn<DCGANOptions>("options");
    QTest::newRow("app default, 28 px") << DCGANOptions().minibatch_std(true);
    QTest::newRow("without minibatch deviation") << DCGANOptions();
    QTest::newRow("32 px RGB, width 16") << DCGANOptions().image_size(32).channels(3).width(16).minibatch_std(true);
    QTest::newRow("64 px grey, latent 2") << DCGANOptions().image_size(64).latent_dim(2).width(8);
    QTest::newRow("64 px RGB, latent 512") << DCGANOptions().image_size(64).channels(3).latent_dim(512).width(4);
  }
  void dcgan() {
    QFETCH(DCGANOptions, options);
    COMPARE_TENSORS(generator_tensors(options), *Generator(options));
    COMPARE_TENSORS(discriminator_tensors(options), *Discriminator(options));
  }
  void dcganRefusals_data() {
    QTest::addColumn<DCGANOptions>("options");
    QTest::newRow("30 px") << DCGANOptions().image_size(30);
    QTest::newRow("4 channels") << DCGANOptions().channels(4);
    QTest::newRow("latent 1") << DCGANOptions().latent_dim(1);
    QTest::newRow("latent 513") << DCGANOptions().latent_dim(513);
    QTest::newRow("width 0") << DCGANOptions().width(0);
  }
  void dcganRefusals() {
    QFETCH(DCGANOptions, options);
    COMPARE_REFUSAL(generator_tensors(options), Generator{options});
    COMPARE_REFUSAL(discriminator_tensors(options), Discriminator{options});
  }

  // --- U-Net ----------------------------------------------------------------------------------
  void unet_data() {
    QTest::addColumn<UnetOptions>("options");
    QTest::addColumn<int>("size");
    const auto app = [](std::vector<int64_t> mults, int64_t channels) {  // ddpm.cpp's unetFor
      return UnetOptions().dim(16).dim_mults(mults).channels(channels).resnet_block_groups(8).attn_heads(4)
          .attn_dim_head(16).attention_from_level(1);
    };
    QTest::newRow("app, 28 px grey") << app({1, 2, 4}, 1) << 28;
    QTest::newRow("app, 32 px RGB") << app({1, 2, 4, 8}, 3) << 32;
    QTest::newRow("app, 64 px RGB") << app({1, 2, 4, 8}, 3) << 64;
    QTest::newRow("defaults (attention everywhere)") << UnetOptions() << 28;
    QTest::newRow("no linear attention") << UnetOptions().dim(8).dim_mults({1, 2}).resnet_block_groups(4)
                                                .attention_from_level(2) << 32;
    QTest::newRow("one level") << UnetOptions().dim(8).dim_mults({3}).resnet_block_groups(2).attn_heads(1) << 7;
    QTest::newRow("learned sinusoidal") << UnetOptions().dim(8).dim_mults({1, 1, 2}).resnet_block_groups(4)
                                               .learned_sinusoidal_cond(true).learned_sinusoidal_dim(8) << 28;
    QTest::newRow("random Fourier") << UnetOptions().dim(12).dim_mults({1, 2}).channels(4).resnet_block_groups(3)
                                           .random_fourier_features(true).attn_heads(3).attn_dim_head(5) << 16;
    QTest::newRow("learned sinusoidal of 0 frequencies") << UnetOptions().dim(8).dim_mults({1, 2}).resnet_block_groups(8)
                                                                .learned_sinusoidal_cond(true).learned_sinusoidal_dim(0) << 8;
    QTest::newRow("6 levels") << UnetOptions().dim(4).dim_mults({1, 1, 1, 1, 1, 2}).resnet_block_groups(1)
                                     .attn_heads(1).attn_dim_head(4).attention_from_level(3) << 64;
  }
  void unet() {
    QFETCH(UnetOptions, options);
    QFETCH(int, size);
    const auto spec = unet_tensors(options, size);
    COMPARE_TENSORS(spec, *Unet(options));
    QCOMPARE(unet_tensors(options).error, spec.error);  // 0: no image size to check
  }
  void unetRefusals_data() {
    QTest::addColumn<UnetOptions>("options");
    QTest::newRow("no levels") << UnetOptions().dim_mults({});
    QTest::newRow("7 levels") << UnetOptions().dim_mults({1, 1, 1, 1, 1, 1, 1});
    QTest::newRow("dim 0") << UnetOptions().dim(0);
    QTest::newRow("attention from level 4 of 3") << UnetOptions().attention_from_level(4);
    QTest::newRow("5 channels") << UnetOptions().channels(5);
    QTest::newRow("dim_mults 0") << UnetOptions().dim_mults({1, 0});
    QTest::newRow("groups 0") << UnetOptions().resnet_block_groups(0);
    QTest::newRow("groups -8") << UnetOptions().resnet_block_groups(-8);
    QTest::newRow("12 groups, 32 channels") << UnetOptions().resnet_block_groups(12);
    QTest::newRow("odd learned sinusoidal") << UnetOptions().learned_sinusoidal_cond(true).learned_sinusoidal_dim(15);
    QTest::newRow("negative random Fourier") << UnetOptions().random_fourier_features(true).learned_sinusoidal_dim(-2);
  }
  void unetRefusals() {
    QFETCH(UnetOptions, options);
    COMPARE_REFUSAL(unet_tensors(options), Unet{options});
  }
  // What the constructor lets through but LibTorch's layers or the forward pass cannot run.
  void unetRefusesWhatCannotRun_data() {
    QTest::addColumn<UnetOptions>("options");
    QTest::addColumn<int>("size");
    const auto small = UnetOptions().dim(8).dim_mults({1, 2}).resnet_block_groups(4).attn_heads(2).attn_dim_head(4);
    QTest::newRow("28 px, 4 levels") << UnetOptions().dim(8).dim_mults({1, 2, 4, 8}).resnet_block_groups(4) << 28;
    QTest::newRow("7 px, 2 levels") << small << 7;
    QTest::newRow("odd dim") << UnetOptions().dim(9).dim_mults({1, 2}).resnet_block_groups(3) << 8;
    QTest::newRow("dim 2") << UnetOptions().dim(2).dim_mults({1, 2}).resnet_block_groups(1) << 8;
    QTest::newRow("0 heads") << UnetOptions(small).attn_heads(0) << 8;
    QTest::newRow("head size 0") << UnetOptions(small).attn_dim_head(0) << 8;
    QTest::newRow("-2 heads of -4") << UnetOptions(small).attn_heads(-2).attn_dim_head(-4) << 8;
  }
  void unetRefusesWhatCannotRun() {
    QFETCH(UnetOptions, options);
    QFETCH(int, size);
    const auto spec = unet_tensors(options, size);
    QVERIFY(!spec.ok());
    QVERIFY(!spec.error.empty());
    bool fails = false;
    try {
      Unet net(options);
      torch::NoGradGuard no_grad;
      const auto y = net->forward(at::randn({1, options.channels(), size, size}), at::tensor(std::vector<int64_t>{5}));
      fails = !y.isfinite().all().item<bool>();
    } catch (const c10::Error&) {
      fails = true;
    }
    QVERIFY2(fails, ("the spec refuses (" + spec.error + ") what runs").c_str());
  }
  void unetOfBillionsWithoutBuildingIt() {
    const auto spec = unet_tensors(UnetOptions().dim(256).dim_mults({16, 16, 16, 16, 16, 16}));
    QVERIFY2(spec.ok(), spec.error.c_str());
    QVERIFY(parameter_count(spec.value) > int64_t(1e9));
    QVERIFY(parameter_count(spec.value) < kMax);
  }
  void unetOfAbsurdSizesWithoutOverflow() {
    // 10⁶ × 10⁶ channels: every size fits int64, the counts saturate.
    auto spec = unet_tensors(UnetOptions().dim(1000000).dim_mults({1000000}));
    QVERIFY2(spec.ok(), spec.error.c_str());
    QCOMPARE(parameter_count(spec.value), kMax);
    // Channels beyond int64: refused, not wrapped around.
    spec = unet_tensors(UnetOptions().dim(int64_t(1) << 60).dim_mults({16}));
    QVERIFY(!spec.ok());
    spec = unet_tensors(UnetOptions().dim(64).attn_heads(int64_t(1) << 40).attn_dim_head(int64_t(1) << 40));
    QVERIFY(!spec.ok());
  }

  // --- toy diffusion --------------------------------------------------------------------------
  void mlpDiffusion_data() {
    QTest::addColumn<MLPDiffusionOptions>("options");
    QTest::newRow("app default") << MLPDiffusionOptions();
    QTest::newRow("T 2, hidden 4") << MLPDiffusionOptions().timesteps(2).hidden(4);
    QTest::newRow("T 1000, hidden 64") << MLPDiffusionOptions().timesteps(1000).hidden(64);
  }
  void mlpDiffusion() {
    QFETCH(MLPDiffusionOptions, options);
    COMPARE_TENSORS(mlp_diffusion_tensors(options), *MLPDiffusion(options));
  }
  void mlpDiffusionRefusals_data() {
    QTest::addColumn<MLPDiffusionOptions>("options");
    QTest::newRow("T 1") << MLPDiffusionOptions().timesteps(1);
    QTest::newRow("T 10001") << MLPDiffusionOptions().timesteps(10001);
    QTest::newRow("hidden 3") << MLPDiffusionOptions().hidden(3);
    QTest::newRow("hidden 4097") << MLPDiffusionOptions().hidden(4097);
  }
  void mlpDiffusionRefusals() {
    QFETCH(MLPDiffusionOptions, options);
    COMPARE_REFUSAL(mlp_diffusion_tensors(options), MLPDiffusion{options});
  }

  // --- PixelCNN and PixelRNN ------------------------------------------------------------------
  void pixelcnn_data() {
    QTest::addColumn<PixelCNNOptions>("options");
    const auto app = PixelCNNOptions().width(32).layers(6).head_width(64);  // pixelcnn.cpp
    QTest::newRow("app, 2 levels, 28 px") << app;
    QTest::newRow("app, 256 levels, 10 classes") << PixelCNNOptions(app).levels(256).classes(10);
    QTest::newRow("app, 32 px, 10 classes") << PixelCNNOptions(app).classes(10).image_size(32);
    QTest::newRow("defaults, 64 px") << PixelCNNOptions().image_size(64);
    QTest::newRow("plain") << PixelCNNOptions(app).gated(false);
    QTest::newRow("plain, 256 levels, 10 classes") << PixelCNNOptions(app).gated(false).levels(256).classes(10);
    QTest::newRow("smallest") << PixelCNNOptions().width(1).layers(2).head_width(1).classes(1).image_size(8);
  }
  void pixelcnn() {
    QFETCH(PixelCNNOptions, options);
    COMPARE_TENSORS(pixelcnn_tensors(options), *PixelCNN(options));
  }
  void pixelcnnRefusals_data() {
    QTest::addColumn<PixelCNNOptions>("options");
    QTest::newRow("width 0") << PixelCNNOptions().width(0);
    QTest::newRow("head 1025") << PixelCNNOptions().head_width(1025);
    QTest::newRow("1 layer") << PixelCNNOptions().layers(1);
    QTest::newRow("16 levels") << PixelCNNOptions().levels(16);
    QTest::newRow("101 classes") << PixelCNNOptions().classes(101).gated(false);
    QTest::newRow("7 px") << PixelCNNOptions().image_size(7);
    QTest::newRow("65 px") << PixelCNNOptions().image_size(65);
  }
  void pixelcnnRefusals() {
    QFETCH(PixelCNNOptions, options);
    COMPARE_REFUSAL(pixelcnn_tensors(options), PixelCNN{options});
  }
  void pixelrnn_data() {
    QTest::addColumn<PixelRNNOptions>("options");
    const auto app = PixelRNNOptions().hidden(32).layers(2).head_width(64);  // pixelrnn.cpp
    QTest::newRow("app, 2 levels, 28 px") << app;
    QTest::newRow("app, 256 levels, 10 classes") << PixelRNNOptions(app).levels(256).classes(10);
    QTest::newRow("one layer, 64 px") << PixelRNNOptions().layers(1).image_size(64);
    QTest::newRow("8 layers, hidden 8, 32 px, 3 classes") << PixelRNNOptions().layers(8).hidden(8).classes(3)
                                                                 .image_size(32);
  }
  void pixelrnn() {
    QFETCH(PixelRNNOptions, options);
    COMPARE_TENSORS(pixelrnn_tensors(options), *PixelRNN(options));
  }
  void pixelrnnRefusals_data() {
    QTest::addColumn<PixelRNNOptions>("options");
    QTest::newRow("hidden 257") << PixelRNNOptions().hidden(257);
    QTest::newRow("9 layers") << PixelRNNOptions().layers(9);
    QTest::newRow("head 0") << PixelRNNOptions().head_width(0);
    QTest::newRow("3 levels") << PixelRNNOptions().levels(3);
    QTest::newRow("-1 classes") << PixelRNNOptions().classes(-1);
    QTest::newRow("100 px") << PixelRNNOptions().image_size(100);
  }
  void pixelrnnRefusals() {
    QFETCH(PixelRNNOptions, options);
    COMPARE_REFUSAL(pixelrnn_tensors(options), PixelRNN{options});
  }

  // --- toy models -----------------------------------------------------------------------------
  void toyModels_data() {
    QTest::addColumn<ToyModelOptions>("options");
    QTest::newRow("VAE, app default") << ToyModelOptions();
    QTest::newRow("auto-encoder") << ToyModelOptions().kind(ToyKind::Autoencoder).latent_dim(3);
    QTest::newRow("GAN") << ToyModelOptions().kind(ToyKind::Gan).latent_dim(8).hidden(16);
    QTest::newRow("VAE, d 128, hidden 4") << ToyModelOptions().latent_dim(128).hidden(4);
  }
  void toyModels() {
    QFETCH(ToyModelOptions, options);
    COMPARE_TENSORS(toy_decoder_tensors(options), *ToyDecoder(options));
    const bool gan = options.kind() == ToyKind::Gan;
    const int64_t out = gan ? 1 : options.kind() == ToyKind::Vae ? 2 * options.latent_dim() : options.latent_dim();
    const QString difference = firstDifference(toy_mlp_tensors(2, options.hidden(), out),
                                               tensorsOf(*toy_mlp(2, options.hidden(), out, gan)));
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
  }
  // toy_model_tensors against the weights file ToyTrainer writes (its order is the file's).
  void toyModelAsSaved() {
    QFETCH(ToyModelOptions, options);
    const auto spec = toy_model_tensors(options);
    QVERIFY2(spec.ok(), spec.error.c_str());
    ToyTrainer trainer(options, ToyTrainerOptions().batch_size(8), at::randn({16, 2}));
    QTemporaryDir dir;
    const std::string weights = dir.filePath(QStringLiteral("weights.safetensors")).toStdString();
    QCOMPARE(QString::fromStdString(trainer.save_checkpoint(weights, dir.filePath(QStringLiteral("state")).toStdString()).error),
             QString());
    const auto file = load_safetensors(weights);
    QVERIFY2(file.ok(), file.error.c_str());
    TensorSpecs saved;
    for (const auto& [name, t] : file.value.tensors)
      saved.push_back({name, t.sizes().vec(), name.find("data_") != std::string::npos, t.scalar_type() == at::kLong});
    const QString difference = firstDifference(spec.value, saved, /*order=*/false);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
  }
  void toyModelAsSaved_data() { toyModels_data(); }
  void toyRefusals_data() {
    QTest::addColumn<ToyModelOptions>("options");
    QTest::newRow("latent 1") << ToyModelOptions().latent_dim(1);
    QTest::newRow("hidden 4097") << ToyModelOptions().kind(ToyKind::Gan).hidden(4097);
  }
  void toyRefusals() {
    QFETCH(ToyModelOptions, options);
    COMPARE_REFUSAL(toy_decoder_tensors(options), ToyDecoder{options});
    COMPARE_REFUSAL(toy_model_tensors(options), ToyDecoder{options});
  }

  // --- the quality classifier -----------------------------------------------------------------
  void classifier_data() {
    QTest::addColumn<int>("classes");
    QTest::newRow("2") << 2;
    QTest::newRow("10") << 10;
    QTest::newRow("1000") << 1000;
  }
  void classifier() {
    QFETCH(int, classes);
    COMPARE_TENSORS(image_classifier_tensors(classes), *ImageClassifier(classes));
  }
  void classifierRefusesWhatLoadClassifierRefuses() {
    for (const int64_t classes : {int64_t(-1), int64_t(0), int64_t(1), int64_t(1001)})
      QVERIFY(!image_classifier_tensors(classes).ok());
  }
};

QTEST_GUILESS_MAIN(tst_TensorSpecs)
#include "tst_tensorspecs.moc"
