// SPDX-License-Identifier: GPL-3.0-or-later
// The toy 2-D playground: a VAE (Gaussian likelihood, learned σ), the auto-encoder with the same
// layers and a GAN, all small MLPs on the toy point sets.
#include "familytools.h"
#include "trainersession.h"
#include "trainingtypes.h"

#include "data/toy2d.h"
#include "nn/device.h"
#include "plotdecoder.h"
#include "toy/toy_models.h"

using namespace FamilyTools;

namespace Families {
const ModelFamily& toyVae();  // registered in registry.cpp
const ModelFamily& toyAutoencoder();  // registered in registry.cpp
const ModelFamily& toyGan();  // registered in registry.cpp
}  // namespace Families

namespace {

using Toy = genlab::ToyKind;

// The held-out points the run was evaluated on, regenerated (same set, same seed) as a plot's backdrop.
std::shared_ptr<const ScatterPlot> backdropOf(const QString& dataset) {
  return std::make_shared<const ScatterPlot>(
      genlab::floats_of(genlab::make_toy2d(DataSets::shortName(dataset).toStdString(), 2000, 2)));
}

const ModelFamily& familyOf(Toy toy) {
  return toy == Toy::Vae ? Families::toyVae() : toy == Toy::Autoencoder ? Families::toyAutoencoder() : Families::toyGan();
}

class ToySession final : public TrainerSession<genlab::ToyTrainer> {
 public:
  ToySession(const TrainingSettings& s, const DatasetSplits& data, Toy toy)
      : m_toy(toy),
        m_options(genlab::ToyModelOptions().kind(toy).latent_dim(s.options.integer(kLatent))),
        m_eval(data.eval.images),
        m_backdrop(std::make_shared<const ScatterPlot>(pointsOf(m_eval))) {
    m_trainer = std::make_unique<genlab::ToyTrainer>(
        m_options,
        genlab::ToyTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed).beta(toy == Toy::Vae ? s.options.real(kBeta) : 1.0),
        data.train.images);
    m_range = m_trainer->latent_range(m_eval);
  }

  QJsonObject modelJson() const override {
    return {{QStringLiteral("kind"), familyOf(m_toy).id},
            {QStringLiteral("latent_dim"), qint64(m_options.latent_dim())},
            {QStringLiteral("hidden"), qint64(m_options.hidden())}};
  }
  QVector<double> step() override {
    const auto l = m_trainer->step();
    return QVector<double>(l.begin(), l.end());
  }
  QVector<double> evaluate() override {
    const auto l = m_trainer->evaluate(m_eval);
    return m_toy == Toy::Autoencoder ? QVector<double>{l.at(1)} : QVector<double>(l.begin(), l.end());
  }
  void epochEnded() override { m_range = m_trainer->latent_range(m_eval); }
  std::vector<float> samplePoints(int count, quint64 seed) override { return pointsOf(m_trainer->sample(count, seed)); }
  QJsonObject latentJson() const override { return latentRangeJson(m_range); }
  DecoderSnapshot snapshot() override {
    DecoderSnapshot d(std::make_shared<PlotDecoder>(m_trainer->point_decoder(), m_backdrop), m_trainer->steps_done());
    d.setLatentRange(m_range.first, m_range.second);
    d.setEncoder(m_trainer->encoder());
    return d;
  }

 private:
  Toy m_toy;
  genlab::ToyModelOptions m_options;
  at::Tensor m_eval;
  std::shared_ptr<const ScatterPlot> m_backdrop;  // the held-out points, drawn behind what the decoder makes
  std::pair<std::vector<float>, std::vector<float>> m_range;
};

genlab::ToyModelOptions optionsOf(const QJsonObject& m, Toy toy) {
  return genlab::ToyModelOptions()
      .kind(toy)
      .latent_dim(m.value(QStringLiteral("latent_dim")).toInt(2))
      .hidden(m.value(QStringLiteral("hidden")).toInt(128));
}

ModelFamily make(Toy toy) {
  ModelFamily f;
  const bool gan = toy == Toy::Gan, ae = toy == Toy::Autoencoder;
  f.id = gan ? QStringLiteral("toy-gan") : ae ? QStringLiteral("toy-ae") : QStringLiteral("toy-vae");
  f.option = gan ? QStringLiteral("gan") : ae ? QStringLiteral("ae") : QStringLiteral("vae");
  f.name = gan  ? QT_TRANSLATE_NOOP("ModelFamily", "Toy GAN (MLPs; 2-D points)")
           : ae ? QT_TRANSLATE_NOOP("ModelFamily", "Toy auto-encoder (MLP; 2-D points)")
                : QT_TRANSLATE_NOOP("ModelFamily", "Toy VAE (MLP; 2-D points)");
  f.description = QT_TRANSLATE_NOOP("ModelFamily", "Small MLPs on 2-D points: samples are drawn as a scatter plot "
                                                   "over the data; 150 epochs take seconds.");
  f.data = DataKind::Points;
  f.defaults = {150, 256, 1e-3};
  f.options = {latentOption(2)};
  if (toy == Toy::Vae)
    f.options << betaOption();
  f.latentExplorer = true;
  f.likelihood = toy == Toy::Vae;
  f.codesSpreadLikeData = ae;
  if (gan) {
    f.losses = ganLosses();
    f.heldOut = ganLosses();
    f.keepsBest = false;
    f.lossAxis = QT_TRANSLATE_NOOP("ModelFamily", "loss (BCE) and probability");
    f.parameterGroups = {{QStringLiteral("decoder."), QStringLiteral("generator")},
                         {QStringLiteral("discriminator."), QStringLiteral("discriminator")}};
    f.validate = [](const TrainingSettings& s) -> Status {
      if (s.batchSize < 2)
        return {QCoreApplication::translate("ModelFamily", "A GAN needs batches of at least 2 points, got %1.").arg(s.batchSize)};
      return {};
    };
  } else if (ae) {
    f.losses = {{QStringLiteral("recon"), QT_TRANSLATE_NOOP("ModelFamily", "squared error"),
                 QT_TRANSLATE_NOOP("ModelFamily", "per point, standardised")}};
    f.heldOut = {{QStringLiteral("recon"), QT_TRANSLATE_NOOP("ModelFamily", "squared error"),
                  QT_TRANSLATE_NOOP("ModelFamily", "per point, standardised")}};
    f.lossAxis = QT_TRANSLATE_NOOP("ModelFamily", "squared error per point");
    f.parameterGroups = {{QStringLiteral("encoder."), QStringLiteral("encoder")},
                         {QStringLiteral("decoder."), QStringLiteral("decoder")}};
  } else {
    f.losses = vaeLosses(false, true);
    f.heldOut = vaeLosses(true, true);
    f.lossAxis = QT_TRANSLATE_NOOP("ModelFamily", "loss (nats per point)");
    f.parameterGroups = {{QStringLiteral("encoder."), QStringLiteral("encoder")},
                         {QStringLiteral("decoder."), QStringLiteral("decoder")}};
  }
  f.makeSession = [toy](const TrainingSettings& s, const DatasetSplits& data) {
    return std::unique_ptr<ModelSession>(new ToySession(s, data, toy));
  };
  f.checkModel = [](const QJsonObject& m) {
    return boundedInts(m, {{"latent_dim", 1, 128, 2}, {"hidden", 1, 4096, 128}});
  };
  f.weightsOf = [toy](const QJsonObject& m) {
    return weightsLayout({{"", genlab::toy_model_tensors(optionsOf(m, toy))}});  // decoder., and encoder. or discriminator.
  };
  f.loadDecoder = [toy](const Run& run) {
    auto decoder = genlab::load_toy_decoder(run.weights(), kWeights, optionsOf(run.model(), toy));
    auto out = snapshotOf(genlab::Result<std::shared_ptr<const genlab::ImageDecoder>>{
                              decoder.ok() ? std::make_shared<PlotDecoder>(decoder.value, backdropOf(run.datasetName())) : nullptr,
                              decoder.error},
                          run);
    if (out.ok() && toy != Toy::Gan)
      out.value.setEncoder(genlab::load_toy_encoder(run.weights(), kWeights, optionsOf(run.model(), toy)).value);
    return out;
  };
  f.sample = sampleDecoded;
  f.evaluate = [toy](const Run& run, const DatasetSplits& data) {
    Result<QJsonObject> out;
    genlab::ToyTrainer trainer(optionsOf(run.model(), toy), genlab::ToyTrainerOptions().batch_size(2), data.eval.images);
    if (out.error = message(trainer.load_weights(run.weights(), kWeights).error); !out.ok())
      return out;
    const auto m = trainer.evaluate(data.eval.images);
    out.value = measures(run, data.eval.size(), toy == Toy::Autoencoder ? std::vector<double>{m.at(1)} : m);
    return out;
  };
  f.describe = [toy](const QJsonObject& m) {
    const auto o = optionsOf(m, toy);
    return toy == Toy::Gan ? QCoreApplication::translate("ModelFamily", "z (%1) → MLP %2 → 2; discriminator 2 → MLP %2 → 1").arg(o.latent_dim()).arg(o.hidden())
                           : QCoreApplication::translate("ModelFamily", "2 → MLP %1 → %2 → MLP %1 → 2").arg(o.hidden()).arg(o.latent_dim());
  };
  return f;
}

}  // namespace

const ModelFamily& Families::toyVae() {
  static const ModelFamily f = make(Toy::Vae);
  return f;
}

const ModelFamily& Families::toyAutoencoder() {
  static const ModelFamily f = make(Toy::Autoencoder);
  return f;
}

const ModelFamily& Families::toyGan() {
  static const ModelFamily f = make(Toy::Gan);
  return f;
}
