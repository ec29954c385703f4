// SPDX-License-Identifier: GPL-3.0-or-later
#include "modelsession.h"
#include "trainersession.h"

#include "vae/conv_vae.h"
#include "gan/dcgan.h"
#include "vae/vae_trainer.h"

#include <QJsonArray>

namespace {

class VaeSession final : public TrainerSession<genlab::VaeTrainer> {
 public:
  VaeSession(const TrainingSettings& s, const genlab::LabelledImages& train, const genlab::LabelledImages& eval)
      : m_autoencoder(s.model == QLatin1String("ae")),
        m_options(genlab::VAEOptions()
                      .latent_dim(s.latentDim)
                      .input_dim(train.images.size(1))
                      .deterministic(m_autoencoder)),
        m_eval(eval.images) {
    m_trainer = std::make_unique<genlab::VaeTrainer>(
        m_options,
        genlab::VaeTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed).beta(s.beta),
        train.images);
    m_range = m_trainer->latent_range(m_eval);
  }

  QJsonObject modelJson() const override {
    return {{QStringLiteral("kind"), m_autoencoder ? QStringLiteral("ae-mlp") : QStringLiteral("vae-mlp")},
            {QStringLiteral("input_dim"), qint64(m_options.input_dim())},
            {QStringLiteral("hidden_dim"), qint64(m_options.hidden_dim())},
            {QStringLiteral("latent_dim"), qint64(m_options.latent_dim())}};
  }
  QStringList lossNames() const override {
    return m_autoencoder ? QStringList{QStringLiteral("recon")}
                         : QStringList{QStringLiteral("total"), QStringLiteral("recon"), QStringLiteral("kl")};
  }
  QVector<double> step() override {
    const auto l = m_trainer->step();
    return m_autoencoder ? QVector<double>{l.recon} : QVector<double>{l.total, l.recon, l.kl};
  }
  bool evaluates() const override { return true; }
  QVector<double> evaluate() override {
    const auto l = m_trainer->evaluate(m_eval);
    return {l.total, l.recon, l.kl};
  }
  void epochEnded() override { m_range = m_trainer->latent_range(m_eval); }
  QJsonObject latentJson() const override { return latentRangeJson(m_range); }
  DecoderSnapshot snapshot() override {
    DecoderSnapshot d(m_trainer->decoder_weights(), m_trainer->steps_done());
    d.setLatentRange(m_range.first, m_range.second);
    return d;
  }

 private:
  bool m_autoencoder;
  genlab::VAEOptions m_options;
  at::Tensor m_eval;
  std::pair<std::vector<float>, std::vector<float>> m_range;
};

class GanSession final : public TrainerSession<genlab::GanTrainer> {
 public:
  GanSession(const TrainingSettings& s, const genlab::LabelledImages& train)
      : m_options(genlab::DCGANOptions()
                      .latent_dim(s.latentDim)
                      .channels(train.images.size(1) / (train.height * train.width))
                      .image_size(train.height)) {
    m_trainer = std::make_unique<genlab::GanTrainer>(
        m_options,
        genlab::GanTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed),
        train.images.view({-1, m_options.channels(), train.height, train.width}));
  }

  QJsonObject modelJson() const override {
    return {{QStringLiteral("kind"), QStringLiteral("dcgan")},
            {QStringLiteral("latent_dim"), qint64(m_options.latent_dim())},
            {QStringLiteral("channels"), qint64(m_options.channels())},
            {QStringLiteral("image_size"), qint64(m_options.image_size())},
            {QStringLiteral("width"), qint64(m_options.width())}};
  }
  QStringList lossNames() const override {
    return {QStringLiteral("d_loss"), QStringLiteral("g_loss"), QStringLiteral("d_real"), QStringLiteral("d_fake")};
  }
  QVector<double> step() override {
    const auto l = m_trainer->step();
    return {l.d_loss, l.g_loss, l.d_real, l.d_fake};
  }
  bool evaluates() const override { return false; }
  QVector<double> evaluate() override { return {}; }
  DecoderSnapshot snapshot() override { return DecoderSnapshot(m_trainer->decoder(), m_trainer->steps_done()); }

 private:
  genlab::DCGANOptions m_options;
};

class ConvVaeSession final : public TrainerSession<genlab::ConvVaeTrainer> {
 public:
  ConvVaeSession(const TrainingSettings& s, const genlab::LabelledImages& train, const genlab::LabelledImages& eval)
      : m_options(genlab::ConvVAEOptions()
                      .latent_dim(s.latentDim)
                      .channels(train.images.size(1) / (train.height * train.width))
                      .image_size(train.height)),
        m_eval(eval.images.view({-1, m_options.channels(), eval.height, eval.width})) {
    m_trainer = std::make_unique<genlab::ConvVaeTrainer>(
        m_options,
        genlab::ConvVaeTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed).beta(s.beta),
        train.images.view({-1, m_options.channels(), train.height, train.width}));
  }

  QJsonObject modelJson() const override {
    return {{QStringLiteral("kind"), QStringLiteral("vae-conv")},
            {QStringLiteral("latent_dim"), qint64(m_options.latent_dim())},
            {QStringLiteral("channels"), qint64(m_options.channels())},
            {QStringLiteral("image_size"), qint64(m_options.image_size())},
            {QStringLiteral("width"), qint64(m_options.width())}};
  }
  QStringList lossNames() const override {
    return {QStringLiteral("total"), QStringLiteral("recon"), QStringLiteral("kl")};
  }
  QVector<double> step() override {
    const auto l = m_trainer->step();
    return {l.total.item<double>(), l.recon.item<double>(), l.kl.item<double>()};
  }
  bool evaluates() const override { return true; }
  QVector<double> evaluate() override {
    const auto l = m_trainer->evaluate(m_eval);
    return {l.total.item<double>(), l.recon.item<double>(), l.kl.item<double>()};
  }
  DecoderSnapshot snapshot() override { return DecoderSnapshot(m_trainer->decoder(), m_trainer->steps_done()); }

 private:
  genlab::ConvVAEOptions m_options;
  at::Tensor m_eval;
};

}  // namespace

// toysession.cpp
std::unique_ptr<ModelSession> makeToySession(const TrainingSettings& s, const genlab::LabelledImages& train,
                                             const genlab::LabelledImages& eval);

// ddpmsession.cpp
std::unique_ptr<ModelSession> makeDdpmSession(const TrainingSettings& s, const genlab::LabelledImages& train);

std::unique_ptr<ModelSession> ModelSession::create(const TrainingSettings& s, const genlab::LabelledImages& train,
                                                   const genlab::LabelledImages& eval) {
  if (s.dataset.startsWith(QLatin1String("toy:")))
    return makeToySession(s, train, eval);
  if (s.model == QLatin1String("gan"))
    return std::make_unique<GanSession>(s, train);
  if (s.model == QLatin1String("ddpm"))
    return makeDdpmSession(s, train);
  if (s.model == QLatin1String("conv-vae"))
    return std::make_unique<ConvVaeSession>(s, train, eval);
  return std::make_unique<VaeSession>(s, train, eval);
}
