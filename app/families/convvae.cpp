// SPDX-License-Identifier: GPL-3.0-or-later
// The conv VAE: stride-2 convolutions down to 7×7 or 4×4 and back, BCE + β·KL, on 28/32/64 px images.
#include "familytools.h"
#include "trainersession.h"
#include "trainingtypes.h"

#include "vae/conv_vae.h"

using namespace FamilyTools;

namespace Families {
const ModelFamily& convVae();  // registered in registry.cpp
}  // namespace Families

namespace {

genlab::ConvVAEOptions optionsOf(const QJsonObject& m);

class ConvVaeSession final : public TrainerSession<genlab::ConvVaeTrainer> {
 public:
  ConvVaeSession(const TrainingSettings& s, const DatasetSplits& data)
      : m_options(s.resumedModel.isEmpty() ? genlab::ConvVAEOptions()
                                                 .latent_dim(s.options.integer(kLatent))
                                                 .channels(data.channels)
                                                 .image_size(data.train.height)
                                                 .classes(classesOf(s))
                                           : optionsOf(s.resumedModel)),
        m_eval(imagesOf(data.eval, data.channels)),
        m_evalLabels(m_options.classes() > 0 ? data.eval.labels : at::Tensor()) {
    m_trainer = std::make_unique<genlab::ConvVaeTrainer>(
        m_options,
        genlab::ConvVaeTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed).beta(s.options.real(kBeta))
            .precision(precisionOf(s)),
        imagesOf(data.train, data.channels), m_options.classes() > 0 ? data.train.labels : at::Tensor());
  }

  QJsonObject modelJson() const override {
    QJsonObject m = convModelJson(Families::convVae().id, m_options);
    m.insert(QStringLiteral("classes"), qint64(m_options.classes()));
    return m;
  }
  QVector<double> step() override {
    const auto l = m_trainer->step();
    return {l.total.item<double>(), l.recon.item<double>(), l.kl.item<double>()};
  }
  QVector<double> evaluate() override {
    const auto l = m_trainer->evaluate(m_eval, m_evalLabels);
    return {l.total.item<double>(), l.recon.item<double>(), l.kl.item<double>()};
  }
  DecoderSnapshot snapshot() override {
    DecoderSnapshot d(m_trainer->decoder(), m_trainer->steps_done());
    d.setEncoder(m_trainer->encoder());
    return d;
  }

 private:
  genlab::ConvVAEOptions m_options;
  at::Tensor m_eval, m_evalLabels;
};

// Runs from before the class could be told have no "classes": not told.
genlab::ConvVAEOptions optionsOf(const QJsonObject& m) {
  return convOptionsOf<genlab::ConvVAEOptions>(m, 16, 32).classes(m.value(QStringLiteral("classes")).toInt(0));
}

ModelFamily make() {
  ModelFamily f;
  f.id = QStringLiteral("vae-conv");
  f.option = QStringLiteral("conv-vae");
  f.name = QT_TRANSLATE_NOOP("ModelFamily", "Conv VAE (stride-2 convolutions; BCE + β·KL)");
  f.description = QT_TRANSLATE_NOOP("ModelFamily", "A VAE whose encoder and decoder are small conv stacks: sharper "
                                                   "images than the MLP VAE, any image size, grey or colour.");
  f.data = DataKind::Images;
  f.mixedPrecision = true;
  f.defaults = {10, 128, 1e-3};
  f.options = {latentOption(16), betaOption(), byClassOption()};
  f.byClass = true;
  f.validate = [](const TrainingSettings& s) { return checkByClass(s); };
  f.latentExplorer = true;
  f.likelihood = true;
  f.losses = vaeLosses(false, false);
  f.heldOut = vaeLosses(true, false);
  f.lossAxis = QT_TRANSLATE_NOOP("ModelFamily", "loss (nats per image)");
  f.parameterGroups = {{QStringLiteral("encoder."), QStringLiteral("encoder")},
                       {QStringLiteral("decoder."), QStringLiteral("decoder")}};
  f.makeSession = [](const TrainingSettings& s, const DatasetSplits& data) {
    return std::unique_ptr<ModelSession>(new ConvVaeSession(s, data));
  };
  f.checkModel = [](const QJsonObject& m) {
    if (const Status latent = boundedInts(m, {{"latent_dim", 1, 128, 16}}); !latent.ok())
      return latent;
    if (const Status image = checkImageFields(m); !image.ok())
      return image;
    return boundedInts(m, {{"width", 1, 512, 32}, {"classes", 0, 1000, 0}});
  };
  f.weightsOf = [](const QJsonObject& m) {
    const auto o = optionsOf(m);
    return weightsLayout({{"encoder.", genlab::conv_encoder_tensors(o)}, {"decoder.", genlab::conv_decoder_tensors(o)}});
  };
  f.loadDecoder = [](const Run& run) {
    auto out = snapshotOf(genlab::load_conv_vae_decoder(run.weights(), kWeights, optionsOf(run.model())), run);
    if (out.ok())
      out.value.setEncoder(genlab::load_conv_vae_encoder(run.weights(), kWeights, optionsOf(run.model())).value);
    return out;
  };
  f.sample = sampleDecoded;
  f.sampleImages = sampleDecodedImages;
  f.evaluate = [](const Run& run, const DatasetSplits& data) {
    Result<QJsonObject> out;
    const auto o = optionsOf(run.model());
    genlab::ConvVAE vae(o);
    if (out.error = message(genlab::load_conv_vae_weights(vae, run.weights(), kWeights).error); !out.ok())
      return out;
    const auto labels = o.classes() > 0 ? data.eval.labels : at::Tensor();
    const auto l = genlab::evaluate_conv_vae(vae, imagesOf(data.eval, int(o.channels())), 12345, labels);
    out.value = measures(run, data.eval.size(), {l.total.item<double>(), l.recon.item<double>(), l.kl.item<double>()});
    if (o.channels() == 1)  // beside the pixel models' −log p(x): the same digits, binarised the same way
      out.value.insert(QStringLiteral("negative_elbo_binarised"),
                       genlab::evaluate_conv_vae(vae, binarisedHeldOut(imagesOf(data.eval, 1)), 12345, labels)
                           .total.item<double>());
    return out;
  };
  f.describe = [](const QJsonObject& m) -> QString {
    const auto o = optionsOf(m);
    return QCoreApplication::translate("ModelFamily", "%1×%1×%2 → conv → 2×%3 → deconv → %1×%1×%2 (width %4)")
               .arg(o.image_size()).arg(o.channels()).arg(o.latent_dim()).arg(o.width()) +
           (o.classes() > 0 ? QCoreApplication::translate("ModelFamily", ", told the class (%1 classes)").arg(o.classes())
                            : QString());
  };
  return f;
}

}  // namespace

const ModelFamily& Families::convVae() {
  static const ModelFamily f = make();
  return f;
}
