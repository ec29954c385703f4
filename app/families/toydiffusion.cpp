// SPDX-License-Identifier: GPL-3.0-or-later
// Diffusion on the toy 2-D point sets: an MLP with a learned step embedding, T = 100, a sigmoid
// schedule, ε-prediction with antithetic t (the model of the study notes' seed 002).
#include "diffusionmodel.h"
#include "familytools.h"
#include "trainersession.h"
#include "trainingtypes.h"

#include "diffusion/toy_diffusion.h"
#include "scatterplot.h"

#include <ATen/CPUGeneratorImpl.h>

using namespace FamilyTools;

namespace Families {
const ModelFamily& toyDiffusion();  // registered in registry.cpp
}  // namespace Families

namespace {

// No decoder for the Explore page (the Diffusion page shows these runs); samples/step-N.png is a
// scatter of 1,000 DDPM samples over the data.
class ToyDiffusionSession final : public DiffusionTrainerSession<genlab::ToyDiffusionTrainer> {
 public:
  ToyDiffusionSession(const TrainingSettings& s, const DatasetSplits& data) {
    m_eval = data.eval.images;
    m_trainer = std::make_unique<genlab::ToyDiffusionTrainer>(
        genlab::MLPDiffusionOptions(),
        genlab::ToyDiffusionTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed), data.train.images);
  }
  QJsonObject modelJson() const override {
    const auto& o = m_trainer->model()->options();
    return {{QStringLiteral("kind"), Families::toyDiffusion().id},
            {QStringLiteral("timesteps"), qint64(o.timesteps())},
            {QStringLiteral("hidden"), qint64(o.hidden())},
            {QStringLiteral("schedule"), QStringLiteral("toy")},
            {QStringLiteral("objective"), QStringLiteral("pred_noise")}};
  }
  std::vector<float> samplePoints(int count, quint64 seed) override {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    return pointsOf(m_trainer->diffusion().p_sample_loop(genlab::toy_denoiser(m_trainer->ema()), {count, 2}, gen));
  }
  QImage samplesImage() override {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
    const auto points =
        m_trainer->diffusion().p_sample_loop(genlab::toy_denoiser(m_trainer->ema()), {1000, 2}, gen);
    return imageFromPixels(plotPoints(pointsOf(m_eval), pointsOf(points)), 160, 3);
  }
};

NoiseSchedule noiseScheduleOf(const QJsonObject& m) {
  return {QStringLiteral("toy"), m.value(QStringLiteral("timesteps")).toInt(100)};
}

Result<std::shared_ptr<const DiffusionModel>> load(const Run& run, bool ema) {
  Result<std::shared_ptr<const DiffusionModel>> out;
  const QJsonObject m = run.model();
  const int T = m.value(QStringLiteral("timesteps")).toInt(100);
  genlab::MLPDiffusion net(genlab::MLPDiffusionOptions().timesteps(T).hidden(m.value(QStringLiteral("hidden")).toInt(128)));
  if (out.error = message(genlab::load_toy_diffusion(net, run.weights(), kWeights, ema).error); !out.ok())
    return out;
  out.value = std::make_shared<const DiffusionModel>(genlab::toy_diffusion_process(T), genlab::toy_denoiser(net),
                                                     DiffusionModel::Output{true, 1, 28, DataSets::shortName(run.datasetName())});
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
    f.makeSession = [](const TrainingSettings& s, const DatasetSplits& data) {
      return std::unique_ptr<ModelSession>(new ToyDiffusionSession(s, data));
    };
    f.checkModel = [](const QJsonObject& m) {
      return boundedInts(m, {{"timesteps", 2, 10000, 100}, {"hidden", 1, 4096, 128}});
    };
    f.weightsOf = [](const QJsonObject& m) {
      const auto net = genlab::mlp_diffusion_tensors(
          genlab::MLPDiffusionOptions().timesteps(m.value(QStringLiteral("timesteps")).toInt(100)).hidden(m.value(QStringLiteral("hidden")).toInt(128)));
      return weightsLayout({{"model.", net}, {"ema.", net}});
    };
    f.loadDiffusion = load;
    f.noiseSchedule = noiseScheduleOf;
    f.describe = [](const QJsonObject& m) {
      return QCoreApplication::translate("ModelFamily", "MLP 2 → %1 → %1 → %1 → 2 with a learned step embedding, T = %2")
          .arg(m.value(QStringLiteral("hidden")).toInt(128)).arg(m.value(QStringLiteral("timesteps")).toInt(100));
    };
    return f;
  }();
  return family;
}
