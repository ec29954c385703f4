// SPDX-License-Identifier: GPL-3.0-or-later
// The MLP VAE of Kingma & Welling (784 → 256 → 2·d, BCE + β·KL) and the auto-encoder with the same
// layers (deterministic code, no KL) — seed 003's model and seed 000's argument for the VAE.
#include "familytools.h"
#include "trainersession.h"
#include "trainingtypes.h"

#include "vae/vae_trainer.h"

using namespace FamilyTools;

namespace Families {
const ModelFamily& mlpVae();  // registered in registry.cpp
const ModelFamily& autoencoder();  // registered in registry.cpp
}  // namespace Families

namespace {

class VaeSession final : public TrainerSession<genlab::VaeTrainer> {
 public:
  VaeSession(const TrainingSettings& s, const DatasetSplits& data, QString kind, bool autoencoder)
      : m_kind(std::move(kind)),
        m_autoencoder(autoencoder),
        m_options(genlab::VAEOptions()
                      .latent_dim(s.options.integer(kLatent))
                      .input_dim(data.train.images.size(1))
                      .deterministic(autoencoder)
                      .classes(classesOf(s))),
        m_eval(data.eval.images),
        m_evalLabels(m_options.classes() > 0 ? data.eval.labels : at::Tensor()) {
    m_trainer = std::make_unique<genlab::VaeTrainer>(
        m_options,
        genlab::VaeTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed).beta(autoencoder ? 1.0 : s.options.real(kBeta)),
        data.train.images, m_options.classes() > 0 ? data.train.labels : at::Tensor());
    m_range = m_trainer->latent_range(m_eval, m_evalLabels);
  }

  QJsonObject modelJson() const override {
    return {{QStringLiteral("kind"), m_kind},
            {QStringLiteral("input_dim"), qint64(m_options.input_dim())},
            {QStringLiteral("hidden_dim"), qint64(m_options.hidden_dim())},
            {QStringLiteral("latent_dim"), qint64(m_options.latent_dim())},
            {QStringLiteral("classes"), qint64(m_options.classes())}};
  }
  QVector<double> step() override {
    const auto l = m_trainer->step();
    return m_autoencoder ? QVector<double>{l.recon} : QVector<double>{l.total, l.recon, l.kl};
  }
  QVector<double> evaluate() override {
    const auto l = m_trainer->evaluate(m_eval, m_evalLabels);
    return m_autoencoder ? QVector<double>{l.recon} : QVector<double>{l.total, l.recon, l.kl};
  }
  void epochEnded() override { m_range = m_trainer->latent_range(m_eval, m_evalLabels); }
  QJsonObject latentJson() const override { return latentRangeJson(m_range); }
  DecoderSnapshot snapshot() override {
    DecoderSnapshot d(m_trainer->decoder_weights(), m_trainer->steps_done());
    d.setLatentRange(m_range.first, m_range.second);
    d.setEncoder(m_trainer->encoder());
    return d;
  }

 private:
  QString m_kind;  ///< the family's id (the MLP VAE, the auto-encoder or a preset of them)
  bool m_autoencoder;
  genlab::VAEOptions m_options;
  at::Tensor m_eval, m_evalLabels;
  std::pair<std::vector<float>, std::vector<float>> m_range;
};

genlab::VAEOptions optionsOf(const QJsonObject& m, bool autoencoder) {
  return genlab::VAEOptions()
      .input_dim(m.value(QStringLiteral("input_dim")).toInt(784))
      .hidden_dim(m.value(QStringLiteral("hidden_dim")).toInt(256))
      .latent_dim(m.value(QStringLiteral("latent_dim")).toInt(2))
      .deterministic(autoencoder)
      .classes(m.value(QStringLiteral("classes")).toInt(0));  // older runs: not told
}

Result<genlab::VAE> loadVae(const Run& run, bool autoencoder) {
  Result<genlab::VAE> out{genlab::VAE(optionsOf(run.model(), autoencoder)), {}};
  out.error = message(genlab::load_weights(out.value, run.weights(), kWeights).error);
  return out;
}

}  // namespace

ModelFamily FamilyTools::mlpVaeFamily(const QString& id, const QString& option, bool autoencoder) {
  ModelFamily f;
  f.id = id;
  f.option = option;
  f.name = autoencoder ? QT_TRANSLATE_NOOP("ModelFamily", "Auto-encoder 784→256→d (no noise, no KL)")
                       : QT_TRANSLATE_NOOP("ModelFamily", "MLP VAE 784→256→2d (BCE + KL)");
  f.description = autoencoder
                      ? QT_TRANSLATE_NOOP("ModelFamily", "The VAE's layers with a deterministic code: compare how the "
                                                         "two fill the latent space (the auto-encoder leaves gaps "
                                                         "between its training codes).")
                      : QT_TRANSLATE_NOOP("ModelFamily", "A variational auto-encoder of two small MLPs (Kingma & "
                                                         "Welling 2013): with a 2-D code the Explore page shows the "
                                                         "whole latent space.");
  f.data = DataKind::Images;
  f.defaults = {50, 128, 1e-3};
  f.options = {latentOption(2)};
  if (!autoencoder)
    f.options << betaOption();
  f.options << byClassOption();  // a CVAE: off by default, the classic picture is the digits' map
  f.byClass = true;
  f.validate = [](const TrainingSettings& s) { return checkByClass(s); };
  f.latentExplorer = true;
  f.likelihood = !autoencoder;
  f.codesSpreadLikeData = autoencoder;
  if (autoencoder) {
    f.losses = {{QStringLiteral("recon"), QT_TRANSLATE_NOOP("ModelFamily", "reconstruction"),
                 QT_TRANSLATE_NOOP("ModelFamily", "nats per image")}};
    f.heldOut = {{QStringLiteral("recon"), QT_TRANSLATE_NOOP("ModelFamily", "reconstruction"),
                  QT_TRANSLATE_NOOP("ModelFamily", "nats per image")}};
  } else {
    f.losses = vaeLosses(false, false);
    f.heldOut = vaeLosses(true, false);
  }
  f.lossAxis = QT_TRANSLATE_NOOP("ModelFamily", "loss (nats per image)");
  f.parameterGroups = {{QStringLiteral("encoder."), QStringLiteral("encoder")},
                       {QStringLiteral("decoder."), QStringLiteral("decoder")}};
  f.makeSession = [id, autoencoder](const TrainingSettings& s, const DatasetSplits& data) {
    return std::unique_ptr<ModelSession>(new VaeSession(s, data, id, autoencoder));
  };
  f.checkModel = [](const QJsonObject& m) {
    return boundedInts(m, {{"input_dim", 1, 64 * 64 * 3, 784},
                           {"hidden_dim", 1, 4096, 256},
                           {"latent_dim", 1, 128, 2},
                           {"classes", 0, 1000, 0}});
  };
  f.weightsOf = [autoencoder](const QJsonObject& m) {
    return weightsLayout({{"", genlab::vae_tensors(optionsOf(m, autoencoder))}});  // VaeTrainer saves the module as it is
  };
  f.loadDecoder = [autoencoder](const Run& run) {
    Result<DecoderSnapshot> out;
    auto vae = loadVae(run, autoencoder);
    if (!vae.ok()) {
      out.error = vae.error;
      return out;
    }
    out.value = DecoderSnapshot(genlab::decoder_weights(vae.value), run.step());
    out.value.setEncoder(genlab::encoder_of(vae.value));
    latentRangeFromRun(out.value, run);
    return out;
  };
  f.sample = sampleDecoded;
  f.sampleImages = sampleDecodedImages;
  f.evaluate = [autoencoder](const Run& run, const DatasetSplits& data) {
    Result<QJsonObject> out;
    auto vae = loadVae(run, autoencoder);
    if (!vae.ok()) {
      out.error = vae.error;
      return out;
    }
    const auto labels = vae.value->options().classes() > 0 ? data.eval.labels : at::Tensor();
    const auto l = genlab::evaluate_vae(vae.value, data.eval.images, 1.0, 12345, labels);
    out.value = measures(run, data.eval.size(),
                         autoencoder ? std::vector<double>{l.recon} : std::vector<double>{l.total, l.recon, l.kl});
    if (!autoencoder)  // beside the pixel models' −log p(x): the same digits, binarised the same way
      out.value.insert(QStringLiteral("negative_elbo_binarised"),
                       genlab::evaluate_vae(vae.value, binarisedHeldOut(data.eval.images), 1.0, 12345, labels).total);
    return out;
  };
  f.describe = [autoencoder](const QJsonObject& m) -> QString {
    const auto o = optionsOf(m, autoencoder);
    return QCoreApplication::translate("ModelFamily", "%1 → %2 → %3 → %2 → %1")
               .arg(o.input_dim()).arg(o.hidden_dim()).arg(autoencoder ? QString::number(o.latent_dim())
                                                                      : QStringLiteral("2×%1").arg(o.latent_dim())) +
           (o.classes() > 0 ? QCoreApplication::translate("ModelFamily", ", told the class (%1 classes)").arg(o.classes())
                            : QString());
  };
  return f;
}

const ModelFamily& Families::mlpVae() {
  static const ModelFamily f = mlpVaeFamily(QStringLiteral("vae-mlp"), QStringLiteral("vae"), false);
  return f;
}

const ModelFamily& Families::autoencoder() {
  static const ModelFamily f = mlpVaeFamily(QStringLiteral("ae-mlp"), QStringLiteral("ae"), true);
  return f;
}
