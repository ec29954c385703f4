// SPDX-License-Identifier: GPL-3.0-or-later
// DDPM on images (Ho et al. 2020) with the U-Net and process of lucidrains' denoising-diffusion-pytorch.
// New runs: cosine schedule of T = 1000 steps (Nichol & Dhariwal 2021), v-prediction (Salimans & Ho
// 2022) with Min-SNR-5 weighting (Hang et al. 2023), no attention at full size; EMA weights sample.
// Measured choices: docs/QUALITY.md. Older runs keep what their run.json says.
#include "diffusionmodel.h"
#include "diffusionsampling.h"
#include "familytools.h"
#include "trainersession.h"
#include "trainingtypes.h"

#include "diffusion/guidance.h"
#include "diffusion/image_diffusion.h"

#include <ATen/CPUGeneratorImpl.h>

using namespace FamilyTools;

namespace Families {
const ModelFamily& ddpm();  // registered in registry.cpp
}  // namespace Families

namespace {

// Linear attention from this level on (0: also at full size, where it cost a fifth of each step).
constexpr int64_t kAttentionFromLevel = 1;

// A laptop-sized U-Net: 28 px halves twice (28 → 14 → 7), 32/64 px three times.
genlab::UnetOptions unetFor(int64_t size, int64_t channels) {
  return genlab::UnetOptions()
      .dim(16)
      .dim_mults(size == 28 ? std::vector<int64_t>{1, 2, 4} : std::vector<int64_t>{1, 2, 4, 8})
      .channels(channels)
      .resnet_block_groups(8)
      .attn_heads(4)
      .attn_dim_head(16)
      .attention_from_level(kAttentionFromLevel);
}

genlab::UnetOptions unetOf(const QJsonObject& m);
genlab::GaussianDiffusionOptions processOptionsOf(const QJsonObject& m);

// The diffusion process of a new run.
genlab::GaussianDiffusionOptions defaultProcess() {
  return genlab::GaussianDiffusionOptions().schedule("cosine").timesteps(1000).objective("pred_v").min_snr_gamma(5);
}

class DdpmSession final : public DiffusionTrainerSession<genlab::ImageDiffusionTrainer> {
 public:
  DdpmSession(const TrainingSettings& s, const DatasetSplits& data) : m_channels(data.channels), m_size(data.train.height) {
    // A resumed run keeps the network and process it was trained with, whatever today's defaults.
    const bool resumed = !s.resumedModel.isEmpty();
    const auto net = resumed ? unetOf(s.resumedModel) : unetFor(m_size, m_channels).num_classes(classesOf(s));
    const bool told = net.num_classes() > 0;
    m_trainer = std::make_unique<genlab::ImageDiffusionTrainer>(
        net, resumed ? processOptionsOf(s.resumedModel) : defaultProcess(),
        genlab::ImageDiffusionTrainerOptions()
            .lr(s.learningRate)
            .batch_size(s.batchSize)
            .seed(s.seed)
            .precision(precisionOf(s))
            .class_dropout(told ? s.options.real(kClassDropout) : 0.0),
        imagesOf(data.train, m_channels), told ? data.train.labels : at::Tensor());
    m_eval = imagesOf(data.eval, m_channels);
    if (told)
      m_evalLabels = data.eval.labels;
    m_guidance = guidanceOf(s.options);
    if (s.lrSchedule == QLatin1String("cosine"))
      m_trainer->set_lr_decay(m_trainer->steps_per_epoch() * s.epochs);
  }
  QJsonObject modelJson() const override {
    const auto& u = m_trainer->model()->options();
    const auto& p = m_trainer->diffusion().options();
    QJsonArray mults;
    for (int64_t m : u.dim_mults())
      mults.append(qint64(m));
    return {{QStringLiteral("kind"), Families::ddpm().id},
            {QStringLiteral("dim"), qint64(u.dim())},
            {QStringLiteral("dim_mults"), mults},
            {QStringLiteral("channels"), qint64(u.channels())},
            {QStringLiteral("image_size"), qint64(m_size)},
            {QStringLiteral("resnet_block_groups"), qint64(u.resnet_block_groups())},
            {QStringLiteral("attn_heads"), qint64(u.attn_heads())},
            {QStringLiteral("attn_dim_head"), qint64(u.attn_dim_head())},
            {QStringLiteral("attention_from_level"), qint64(u.attention_from_level())},
            {QStringLiteral("schedule"), QString::fromStdString(p.schedule())},
            {QStringLiteral("timesteps"), qint64(p.timesteps())},
            {QStringLiteral("objective"), QString::fromStdString(p.objective())},
            {QStringLiteral("min_snr_gamma"), p.min_snr_gamma()},
            {QStringLiteral("classes"), qint64(u.num_classes())}};
  }
  QImage samplesImage() override {
    // 16 images by DDIM-25 (as the live score draws) from the EMA weights, the same noise each time
    // (the first draw's); a model told the class draws the classes in turn, guided as `sample` does.
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
    const int64_t classes = m_trainer->ema()->options().num_classes();
    const auto net =
        classes > 0 ? genlab::guided(genlab::unet_class_denoiser(m_trainer->ema(), m_trainer->precision()),
                                     genlab::sample_labels(16, classes), m_guidance, classes)
                    : genlab::unet_denoiser(m_trainer->ema(), m_trainer->precision());
    const auto x = m_trainer->diffusion().ddim_sample(net, {16, m_channels, m_size, m_size}, 25, Sampler::defaultEta, gen);
    return DiffusionSampling::imageGrid(x.add(1).mul(0.5).clamp(0, 1), 4);
  }

 private:
  int64_t m_channels, m_size;
  double m_guidance = Sampler::defaultGuidance;  ///< told the class: the run's scale for its sample strip
};

genlab::UnetOptions unetOf(const QJsonObject& m) {
  std::vector<int64_t> mults;
  for (const auto& v : m.value(QStringLiteral("dim_mults")).toArray())
    mults.push_back(v.toInt());
  return genlab::UnetOptions()
      .dim(m.value(QStringLiteral("dim")).toInt(16))
      .dim_mults(mults)
      .channels(m.value(QStringLiteral("channels")).toInt(1))
      .resnet_block_groups(m.value(QStringLiteral("resnet_block_groups")).toInt(8))
      .attn_heads(m.value(QStringLiteral("attn_heads")).toInt(4))
      .attn_dim_head(m.value(QStringLiteral("attn_dim_head")).toInt(32))
      .attention_from_level(m.value(QStringLiteral("attention_from_level")).toInt(0))  // older runs: 0
      .num_classes(m.value(QStringLiteral("classes")).toInt(0));                         // older runs: not told
}

// Runs from before "objective" and "min_snr_gamma" were recorded predicted the noise, unweighted.
genlab::GaussianDiffusionOptions processOptionsOf(const QJsonObject& m) {
  return genlab::GaussianDiffusionOptions()
      .schedule(m.value(QStringLiteral("schedule")).toString(QStringLiteral("linear")).toStdString())
      .timesteps(m.value(QStringLiteral("timesteps")).toInt(1000))
      .objective(m.value(QStringLiteral("objective")).toString(QStringLiteral("pred_noise")).toStdString())
      .min_snr_gamma(m.value(QStringLiteral("min_snr_gamma")).toDouble(0));
}

NoiseSchedule noiseScheduleOf(const QJsonObject& m) {
  const auto p = processOptionsOf(m);
  return {QString::fromStdString(p.schedule()), int(p.timesteps())};
}

genlab::GaussianDiffusion processOf(const QJsonObject& m) { return genlab::GaussianDiffusion(processOptionsOf(m)); }

Result<std::shared_ptr<const DiffusionModel>> load(const Run& run, bool ema) {
  Result<std::shared_ptr<const DiffusionModel>> out;
  const QJsonObject m = run.model();
  genlab::Unet net(unetOf(m));
  if (out.error = message(genlab::load_unet(net, run.weights(), kWeights, ema).error); !out.ok())
    return out;
  net->eval();
  const DiffusionModel::Output output{false, m.value(QStringLiteral("channels")).toInt(1),
                                      m.value(QStringLiteral("image_size")).toInt(28), {}};
  const int classes = int(net->options().num_classes());
  const double guidance = run.family().guidance(run);
  out.value = classes > 0 ? std::make_shared<const DiffusionModel>(processOf(m), genlab::unet_class_denoiser(net), classes,
                                                                   output, guidance)
                          : std::make_shared<const DiffusionModel>(processOf(m), genlab::unet_denoiser(net), output);
  return out;
}

}  // namespace

/// The columns of every diffusion family: the noise-prediction error, per step and held out.
QList<LossColumn> FamilyTools::diffusionLosses() {
  return {{QStringLiteral("loss"),
           QT_TRANSLATE_NOOP("ModelFamily", "noise-prediction error"),  // held out or not: the page says which
           QT_TRANSLATE_NOOP("ModelFamily", "MSE per value")}};
}

namespace {

// The run's EMA network, or with r.guideWith that network guided by the other run's (autoguidance).
Result<std::shared_ptr<const DiffusionModel>> modelFor(const Run& run, const SampleRequest& r) {
  auto model = run.family().loadDiffusion(run, true);
  if (!model.ok() || r.guideWith.isEmpty())
    return model;
  const auto weak = DiffusionModel::load(r.guideWith, true);
  if (!weak.ok())
    return {{}, QCoreApplication::translate("ModelFamily", "The guiding run: %1").arg(weak.error)};
  return DiffusionModel::autoguided(*model.value, *weak.value, r.autoguidance);
}

}  // namespace

/// `sample` of every diffusion family.
Result<QImage> FamilyTools::sampleDiffusion(const Run& run, const SampleRequest& r) {
  Result<QImage> out;
  const auto model = modelFor(run, r);
  if (!model.ok()) {
    out.error = model.error;
    return out;
  }
  return DiffusionSampling::sample(*model.value, r);
}

Result<ImageBatch> FamilyTools::sampleDiffusionImages(const Run& run, const SampleRequest& r) {
  Result<ImageBatch> out;
  const auto model = modelFor(run, r);
  if (!model.ok()) {
    out.error = model.error;
    return out;
  }
  const auto images = DiffusionSampling::sampleImages(*model.value, r);
  if (!images.ok()) {
    out.error = images.error;
    return out;
  }
  out.value = imageBatchOf(images.value);
  if (model.value->classes() > 0)
    out.value.guidance = model.value->guidanceOr(r.guidance);
  return out;
}

const ModelFamily& Families::ddpm() {
  static const ModelFamily family = [] {
    ModelFamily f;
    f.id = QStringLiteral("ddpm-unet");
    f.option = QStringLiteral("ddpm");
    f.name = QT_TRANSLATE_NOOP("ModelFamily", "DDPM (U-Net, T = 1000 noise steps)");
    f.description = QT_TRANSLATE_NOOP("ModelFamily", "A denoising diffusion model (Ho et al. 2020): a U-Net learns to "
                                                     "undo noise added along a cosine schedule; sampling removes it "
                                                     "step by step. About 8 minutes for MNIST on 2 cores in bfloat16.");
    f.data = DataKind::Images;
    f.mixedPrecision = true;
    f.lrSchedule = true;
    f.defaults = {12, 64, 1e-3, "cosine"};
    // Scoring draws with guidance (two passes a step): 200 samples every third epoch and after the
    // last keep the default run within 8 minutes on 2 cores (500 every epoch took 5 of its 13).
    f.qualitySamples = 200;
    f.qualityEvery = 3;
    makeDiffusionFamily(f, "U-Net");
    f.byClass = true;
    f.options = {byClassOption(/*onByDefault=*/true), classDropoutOption(), guidanceOption()};
    f.guidance = [](const Run& run) { return guidanceOf(run.options()); };
    f.validate = [](const TrainingSettings& s) { return checkByClass(s); };
    // New runs minimise the Min-SNR-weighted v-prediction error, not the plain noise-prediction
    // error that the held-out curve (and older runs' training curve) shows.
    f.losses[0].label = QT_TRANSLATE_NOOP("ModelFamily", "training loss (weighted, of the model's own prediction)");
    f.losses[0].unit = QT_TRANSLATE_NOOP("ModelFamily", "weighted MSE");
    f.lossAxis = QT_TRANSLATE_NOOP("ModelFamily", "training loss; held out: noise-prediction error (MSE per value)");
    f.sampleImages = sampleDiffusionImages;
    f.makeSession = [](const TrainingSettings& s, const DatasetSplits& data) {
      return std::unique_ptr<ModelSession>(new DdpmSession(s, data));
    };
    f.checkModel = [](const QJsonObject& m) -> Status {
      if (const Status dim = boundedInts(m, {{"dim", 1, 256, 16}}); !dim.ok())
        return dim;
      if (const Status image = checkImageFields(m); !image.ok())
        return image;
      if (const Status sizes = boundedInts(m, {{"resnet_block_groups", 1, 64, 8},
                                               {"attn_heads", 1, 32, 4},
                                               {"attn_dim_head", 1, 256, 32},
                                               {"timesteps", 2, 10000, 1000},
                                               {"classes", 0, 100, 0}});
          !sizes.ok())
        return sizes;
      const QJsonArray mults = m.value(QStringLiteral("dim_mults")).toArray();
      if (mults.isEmpty() || mults.size() > 6)
        return {QStringLiteral("model.dim_mults has %1 levels (1 to 6)").arg(mults.size())};
      if (const Status attention = boundedInts(m, {{"attention_from_level", 0, int(mults.size()), 0}}); !attention.ok())
        return attention;
      for (const auto& x : mults)
        if (x.toInt() < 1 || x.toInt() > 16)
          return {QStringLiteral("model.dim_mults holds %1 (1 to 16)").arg(x.toDouble())};
      const QString schedule = m.value(QStringLiteral("schedule")).toString(QStringLiteral("linear"));
      if (schedule != QLatin1String("linear") && schedule != QLatin1String("cosine") && schedule != QLatin1String("sigmoid"))
        return {QStringLiteral("model.schedule '%1' is not linear, cosine or sigmoid").arg(schedule)};
      const QString objective = m.value(QStringLiteral("objective")).toString(QStringLiteral("pred_noise"));
      if (objective != QLatin1String("pred_noise") && objective != QLatin1String("pred_v") && objective != QLatin1String("pred_x0"))
        return {QStringLiteral("model.objective '%1' is not pred_noise, pred_v or pred_x0").arg(objective)};
      const double gamma = m.value(QStringLiteral("min_snr_gamma")).toDouble(0);
      if (!(gamma >= 0 && gamma <= 1e6))
        return {QStringLiteral("model.min_snr_gamma %1 is outside 0 … 1e6").arg(gamma)};
      return {};
    };
    f.weightsOf = [](const QJsonObject& m) {
      const auto u = genlab::unet_tensors(unetOf(m), m.value(QStringLiteral("image_size")).toInt(28));
      return weightsLayout({{"model.", u}, {"ema.", u}});  // the trained net and its moving average
    };
    f.loadDiffusion = load;
    f.noiseSchedule = noiseScheduleOf;
    f.describe = [](const QJsonObject& m) -> QString {  // a QString, not a QStringBuilder of temporaries
      const auto u = unetOf(m);
      QStringList mults;
      for (int64_t x : u.dim_mults())
        mults << QString::number(x);
      const auto p = processOptionsOf(m);
      return QCoreApplication::translate("ModelFamily", "U-Net dim %1 × (%2)%3, %4 px × %5, T = %6, %7 schedule, %8%9")
          .arg(u.dim()).arg(mults.join(QLatin1Char('-')))
          .arg(u.attention_from_level() > 0
                   ? QCoreApplication::translate("ModelFamily", ", attention from level %1").arg(u.attention_from_level() + 1)
                   : QString())
          .arg(m.value(QStringLiteral("image_size")).toInt(28)).arg(u.channels()).arg(p.timesteps())
          .arg(QString::fromStdString(p.schedule()),
               p.objective() == "pred_v"    ? QCoreApplication::translate("ModelFamily", "predicts v")
               : p.objective() == "pred_x0" ? QCoreApplication::translate("ModelFamily", "predicts x0")
                                            : QCoreApplication::translate("ModelFamily", "predicts the noise"))
          .arg(p.min_snr_gamma() > 0 ? QStringLiteral(", Min-SNR-%1").arg(p.min_snr_gamma()) : QString()) +
             (u.num_classes() > 0
                  ? QCoreApplication::translate("ModelFamily", ", told the class (%1 classes)").arg(u.num_classes())
                  : QString());
    };
    return f;
  }();
  return family;
}
