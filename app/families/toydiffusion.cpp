// SPDX-License-Identifier: GPL-3.0-or-later
// Diffusion on the toy 2-D point sets: an MLP with a learned step embedding, T = 100, a sigmoid
// schedule, ε-prediction with antithetic t (the model of the study notes' seed 002).
#include "diffusionmodel.h"
#include "familytools.h"
#include "trainersession.h"
#include "trainingtypes.h"

#include "diffusion/guidance.h"
#include "diffusion/toy_diffusion.h"
#include "scatterplot.h"

#include <ATen/CPUGeneratorImpl.h>

using namespace FamilyTools;

namespace Families {
const ModelFamily& toyDiffusion();  // registered in registry.cpp
}  // namespace Families

namespace {

genlab::MLPDiffusionOptions netOf(const QJsonObject& m) {
  return genlab::MLPDiffusionOptions()
      .timesteps(m.value(QStringLiteral("timesteps")).toInt(100))
      .hidden(m.value(QStringLiteral("hidden")).toInt(128))
      .classes(m.value(QStringLiteral("classes")).toInt(0));  // older runs: not told
}

// No decoder for the Explore page (the Diffusion page shows these runs); samples/step-N.png is a
// scatter of 1,000 DDPM samples over the data.
class ToyDiffusionSession final : public DiffusionTrainerSession<genlab::ToyDiffusionTrainer> {
 public:
  ToyDiffusionSession(const TrainingSettings& s, const DatasetSplits& data) {
    m_eval = data.eval.images;
    // Told the class (the set's parts); a resumed run keeps the net it was trained with.
    const auto net = !s.resumedModel.isEmpty() ? netOf(s.resumedModel) : genlab::MLPDiffusionOptions().classes(classesOf(s));
    const bool told = net.classes() > 0;
    m_trainer = std::make_unique<genlab::ToyDiffusionTrainer>(
        net,
        genlab::ToyDiffusionTrainerOptions()
            .lr(s.learningRate)
            .batch_size(s.batchSize)
            .seed(s.seed)
            .class_dropout(told ? s.options.real(kClassDropout) : 0.0),
        data.train.images, told ? data.train.labels : at::Tensor());
    if (told)
      m_evalLabels = data.eval.labels;
    m_guidance = guidanceOf(s.options);
  }
  QJsonObject modelJson() const override {
    const auto& o = m_trainer->model()->options();
    return {{QStringLiteral("kind"), Families::toyDiffusion().id},
            {QStringLiteral("timesteps"), qint64(o.timesteps())},
            {QStringLiteral("hidden"), qint64(o.hidden())},
            {QStringLiteral("schedule"), QStringLiteral("toy")},
            {QStringLiteral("objective"), QStringLiteral("pred_noise")},
            {QStringLiteral("classes"), qint64(o.classes())}};
  }
  std::vector<float> samplePoints(int count, quint64 seed) override {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    return pointsOf(m_trainer->diffusion().p_sample_loop(net(count), {count, 2}, gen));
  }
  QImage samplesImage() override {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
    const auto points = m_trainer->diffusion().p_sample_loop(net(1000), {1000, 2}, gen);
    return imageFromPixels(plotPoints(pointsOf(m_eval), pointsOf(points)), 160, 3);
  }

 private:
  // The EMA net, told the classes in turn and guided as `sample` draws, for `count` points.
  genlab::Denoiser net(int64_t count) const {
    const int64_t classes = m_trainer->ema()->options().classes();
    return classes > 0 ? genlab::guided(genlab::toy_class_denoiser(m_trainer->ema()), genlab::sample_labels(count, classes),
                                        m_guidance, classes)
                       : genlab::toy_denoiser(m_trainer->ema());
  }
  double m_guidance = Sampler::defaultGuidance;
};

NoiseSchedule noiseScheduleOf(const QJsonObject& m) {
  return {QStringLiteral("toy"), m.value(QStringLiteral("timesteps")).toInt(100)};
}

Result<std::shared_ptr<const DiffusionModel>> load(const Run& run, bool ema) {
  Result<std::shared_ptr<const DiffusionModel>> out;
  const auto options = netOf(run.model());
  genlab::MLPDiffusion net(options);
  if (out.error = message(genlab::load_toy_diffusion(net, run.weights(), kWeights, ema).error); !out.ok())
    return out;
  const auto process = genlab::toy_diffusion_process(options.timesteps());
  const DiffusionModel::Output output{true, 1, 28, DataSets::shortName(run.datasetName())};
  out.value = options.classes() > 0
                  ? std::make_shared<const DiffusionModel>(process, genlab::toy_class_denoiser(net), int(options.classes()),
                                                           output, run.family().guidance(run))
                  : std::make_shared<const DiffusionModel>(process, genlab::toy_denoiser(net), output);
  return out;
}

}  // namespace

const ModelFamily& Families::toyDiffusion() {
  static const ModelFamily family = [] {
    ModelFamily f;
    f.id = QStringLiteral("toy-diffusion");
    f.option = QStringLiteral("toy-diffusion");
    f.name = QT_TRANSLATE_NOOP("ModelFamily", "Toy diffusion (MLP, T = 100; 2-D points)");
    f.description = QT_TRANSLATE_NOOP("ModelFamily", "A diffusion model small enough to train in a minute: an MLP "
                                                     "learns to denoise 2-D points; the Diffusion page shows every "
                                                     "step of its sampling.");
    f.data = DataKind::Points;
    f.defaults = {400, 128, 1e-3};
    makeDiffusionFamily(f, "MLP");
    // The sets made of parts (two moons, 8 Gaussians, rings) can be told which part a point is.
    f.byClass = true;
    f.options = {byClassOption(), classDropoutOption(), guidanceOption()};
    f.guidance = [](const Run& run) { return guidanceOf(run.options()); };
    f.validate = [](const TrainingSettings& s) { return checkByClass(s); };
    f.makeSession = [](const TrainingSettings& s, const DatasetSplits& data) {
      return std::unique_ptr<ModelSession>(new ToyDiffusionSession(s, data));
    };
    f.checkModel = [](const QJsonObject& m) {
      return boundedInts(m, {{"timesteps", 2, 10000, 100}, {"hidden", 4, 4096, 128}, {"classes", 0, 100, 0}});
    };
    f.weightsOf = [](const QJsonObject& m) {
      const auto net = genlab::mlp_diffusion_tensors(netOf(m));
      return weightsLayout({{"model.", net}, {"ema.", net}});
    };
    f.loadDiffusion = load;
    f.noiseSchedule = noiseScheduleOf;
    f.describe = [](const QJsonObject& m) -> QString {
      const auto o = netOf(m);
      return QCoreApplication::translate("ModelFamily", "MLP 2 → %1 → %1 → %1 → 2 with a learned step embedding, T = %2")
                 .arg(o.hidden()).arg(o.timesteps()) +
             (o.classes() > 0 ? QCoreApplication::translate("ModelFamily", ", told the class (%1 classes)").arg(o.classes())
                              : QString());
    };
    return f;
  }();
  return family;
}
