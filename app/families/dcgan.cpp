// SPDX-License-Identifier: GPL-3.0-or-later
// The DCGAN (Radford et al. 2015): a conv generator against a conv discriminator, alternating steps,
// non-saturating loss, on 28/32/64 px images.
#include "familytools.h"
#include "trainersession.h"
#include "trainingtypes.h"

#include "gan/dcgan.h"

using namespace FamilyTools;

namespace Families {
const ModelFamily& dcgan();  // registered in registry.cpp
}  // namespace Families

namespace {

genlab::DCGANOptions optionsOf(const QJsonObject& m);

// A new run's networks, or on resume the run's own (older runs lack the minibatch deviation).
genlab::DCGANOptions modelFor(const TrainingSettings& s, const DatasetSplits& data) {
  if (!s.resumedModel.isEmpty())
    return optionsOf(s.resumedModel);
  return genlab::DCGANOptions().latent_dim(s.options.integer(kLatent)).channels(data.channels).image_size(data.train.height)
      .minibatch_std(true).classes(classesOf(s));
}

class GanSession final : public TrainerSession<genlab::GanTrainer> {
 public:
  GanSession(const TrainingSettings& s, const DatasetSplits& data)
      : m_options(modelFor(s, data)),
        m_eval(imagesOf(data.eval, data.channels)),
        m_evalLabels(m_options.classes() > 0 ? data.eval.labels : at::Tensor()) {
    m_trainer = std::make_unique<genlab::GanTrainer>(
        m_options,
        genlab::GanTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed).precision(precisionOf(s)),
        imagesOf(data.train, data.channels), m_options.classes() > 0 ? data.train.labels : at::Tensor());
  }

  QJsonObject modelJson() const override {
    QJsonObject m = convModelJson(Families::dcgan().id, m_options);
    m.insert(QStringLiteral("minibatch_std"), m_options.minibatch_std());
    m.insert(QStringLiteral("classes"), qint64(m_options.classes()));
    return m;
  }
  QVector<double> step() override {
    const auto l = m_trainer->step();
    return {l.d_loss, l.g_loss, l.d_real, l.d_fake};
  }
  QVector<double> evaluate() override {
    const auto l = m_trainer->evaluate(m_eval, m_evalLabels);
    return {l.d_loss, l.g_loss, l.d_real, l.d_fake};
  }
  DecoderSnapshot snapshot() override { return DecoderSnapshot(m_trainer->decoder(), m_trainer->steps_done()); }

 private:
  genlab::DCGANOptions m_options;
  at::Tensor m_eval, m_evalLabels;
};

// Runs from before the minibatch deviation layer have no "minibatch_std": they were trained without
// it; runs from before the class was told have no "classes".
genlab::DCGANOptions optionsOf(const QJsonObject& m) {
  return convOptionsOf<genlab::DCGANOptions>(m, 64, 64)
      .minibatch_std(m.value(QStringLiteral("minibatch_std")).toBool(false))
      .classes(m.value(QStringLiteral("classes")).toInt(0));
}

}  // namespace

/// The loss columns of every GAN (the DCGAN and the toy GAN).
QList<LossColumn> FamilyTools::ganLosses() {
  return {{QStringLiteral("d_loss"),
           QT_TRANSLATE_NOOP("ModelFamily", "D loss"),  // held out or not: the page says which
           QT_TRANSLATE_NOOP("ModelFamily", "BCE")},
          {QStringLiteral("g_loss"), QT_TRANSLATE_NOOP("ModelFamily", "G loss"), QT_TRANSLATE_NOOP("ModelFamily", "BCE")},
          {QStringLiteral("d_real"), QT_TRANSLATE_NOOP("ModelFamily", "D(x)"), QT_TRANSLATE_NOOP("ModelFamily", "probability")},
          {QStringLiteral("d_fake"), QT_TRANSLATE_NOOP("ModelFamily", "D(G(z))"),
           QT_TRANSLATE_NOOP("ModelFamily", "probability")}};
}

const ModelFamily& Families::dcgan() {
  static const ModelFamily family = [] {
    ModelFamily f;
    f.id = QStringLiteral("dcgan");
    f.option = QStringLiteral("gan");
    f.name = QT_TRANSLATE_NOOP("ModelFamily", "DCGAN (conv generator vs discriminator)");
    f.description = QT_TRANSLATE_NOOP("ModelFamily", "A generator learns to fool a discriminator (Radford et al. "
                                                     "2015). No likelihood: watch D(x), D(G(z)) and the samples.");
    f.data = DataKind::Images;
    f.mixedPrecision = true;
    f.defaults = {13, 64, 1e-3};
    f.options = {latentOption(64), byClassOption(/*onByDefault=*/true)};
    f.byClass = true;
    f.latentExplorer = true;
    f.losses = ganLosses();
    f.heldOut = ganLosses();
    f.keepsBest = false;
    f.lossAxis = QT_TRANSLATE_NOOP("ModelFamily", "loss (BCE) and probability");
    f.parameterGroups = {{QStringLiteral("generator."), QStringLiteral("generator")},
                         {QStringLiteral("discriminator."), QStringLiteral("discriminator")}};
    f.validate = [](const TrainingSettings& s) -> Status {
      if (const Status byClass = checkByClass(s); !byClass.ok())
        return byClass;
      if (s.batchSize < 2)
        return {QCoreApplication::translate("ModelFamily", "A GAN needs batches of at least 2 images (batch norm), got %1.")
                    .arg(s.batchSize)};
      return {};
    };
    f.makeSession = [](const TrainingSettings& s, const DatasetSplits& data) {
      return std::unique_ptr<ModelSession>(new GanSession(s, data));
    };
    f.checkModel = [](const QJsonObject& m) -> Status {
      if (const Status latent = boundedInts(m, {{"latent_dim", 1, 128, 64}}); !latent.ok())
        return latent;
      if (const Status image = checkImageFields(m); !image.ok())
        return image;
      if (const Status width = boundedInts(m, {{"width", 1, 512, 64}, {"classes", 0, 1000, 0}}); !width.ok())
        return width;
      if (m.contains(QStringLiteral("minibatch_std")) && !m.value(QStringLiteral("minibatch_std")).isBool())
        return {QStringLiteral("model.minibatch_std must be true or false")};
      return {};
    };
    f.weightsOf = [](const QJsonObject& m) {
      const auto o = optionsOf(m);
      return weightsLayout({{"generator.", genlab::generator_tensors(o)}, {"discriminator.", genlab::discriminator_tensors(o)}});
    };
    f.loadDecoder = [](const Run& run) {
      return snapshotOf(genlab::load_generator_decoder(run.weights(), kWeights, optionsOf(run.model())), run);
    };
    f.sample = sampleDecoded;
    f.sampleImages = sampleDecodedImages;
    f.evaluate = [](const Run& run, const DatasetSplits& data) {
      Result<QJsonObject> out;
      const auto o = optionsOf(run.model());
      genlab::Generator g(o);
      genlab::Discriminator d(o);
      if (out.error = message(genlab::load_gan(g, d, run.weights(), kWeights).error); !out.ok())
        return out;
      const auto l = genlab::evaluate_gan(g, d, imagesOf(data.eval, int(o.channels())),
                                          o.classes() > 0 ? data.eval.labels : at::Tensor());
      out.value = measures(run, data.eval.size(), {l.d_loss, l.g_loss, l.d_real, l.d_fake});
      return out;
    };
    f.describe = [](const QJsonObject& m) -> QString {
      const auto o = optionsOf(m);
      return QCoreApplication::translate("ModelFamily", "z (%1) → deconv → %2×%2×%3; discriminator %2×%2×%3 → conv → 1 (width %4)")
                 .arg(o.latent_dim()).arg(o.image_size()).arg(o.channels()).arg(o.width()) +
             (o.classes() > 0 ? QCoreApplication::translate("ModelFamily", ", told the class (%1 classes)").arg(o.classes())
                              : QString());
    };
    return f;
  }();
  return family;
}
