// SPDX-License-Identifier: GPL-3.0-or-later
// The toy 2-D playground's models (VAE, auto-encoder, GAN on points) behind ModelSession.
#include "modelsession.h"
#include "trainersession.h"

#include "diffusion/toy_diffusion.h"
#include "toy/toy_models.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QJsonArray>

namespace {

class ToySession final : public TrainerSession<genlab::ToyTrainer> {
 public:
  ToySession(const TrainingSettings& s, const genlab::LabelledImages& train, const genlab::LabelledImages& eval)
      : m_options(genlab::ToyModelOptions().kind(s.model.toStdString()).latent_dim(s.latentDim)),
        m_eval(eval.images) {
    m_trainer = std::make_unique<genlab::ToyTrainer>(
        m_options,
        genlab::ToyTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed).beta(s.beta),
        train.images);
    m_range = m_trainer->latent_range(m_eval);
  }

  QJsonObject modelJson() const override {
    return {{QStringLiteral("kind"), QString(QStringLiteral("toy-") + QString::fromStdString(m_options.kind()))},
            {QStringLiteral("latent_dim"), qint64(m_options.latent_dim())},
            {QStringLiteral("hidden"), qint64(m_options.hidden())}};
  }
  QStringList lossNames() const override {
    if (m_options.kind() == "gan")
      return {QStringLiteral("d_loss"), QStringLiteral("g_loss"), QStringLiteral("d_real"), QStringLiteral("d_fake")};
    if (m_options.kind() == "ae")
      return {QStringLiteral("recon")};
    return {QStringLiteral("total"), QStringLiteral("recon"), QStringLiteral("kl")};
  }
  QVector<double> step() override {
    const auto l = m_trainer->step();
    return QVector<double>(l.begin(), l.end());
  }
  bool evaluates() const override { return m_options.kind() != "gan"; }
  QVector<double> evaluate() override {
    const auto l = m_trainer->evaluate(m_eval);
    return QVector<double>(l.begin(), l.end());
  }
  void epochEnded() override { m_range = m_trainer->latent_range(m_eval); }
  QJsonObject latentJson() const override { return latentRangeJson(m_range); }
  DecoderSnapshot snapshot() override {
    DecoderSnapshot d(m_trainer->decoder(m_eval), m_trainer->steps_done());
    d.setLatentRange(m_range.first, m_range.second);
    return d;
  }

 private:
  genlab::ToyModelOptions m_options;
  at::Tensor m_eval;
  std::pair<std::vector<float>, std::vector<float>> m_range;
};

// Seed 002's diffusion model on the points. No decoder for the Explore page (the Diffusion page
// shows these runs); samples/step-N.png is a scatter of 1,000 DDPM samples over the data.
class ToyDiffusionSession final : public DiffusionTrainerSession<genlab::ToyDiffusionTrainer> {
 public:
  ToyDiffusionSession(const TrainingSettings& s, const genlab::LabelledImages& train,
                      const genlab::LabelledImages& eval)
      : m_eval(eval.images) {
    m_trainer = std::make_unique<genlab::ToyDiffusionTrainer>(
        genlab::MLPDiffusionOptions(), genlab::ToyDiffusionTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed),
        train.images);
  }
  QJsonObject modelJson() const override {
    const auto& o = m_trainer->model()->options();
    return {{QStringLiteral("kind"), QStringLiteral("toy-diffusion")},
            {QStringLiteral("timesteps"), qint64(o.timesteps())},
            {QStringLiteral("hidden"), qint64(o.hidden())},
            {QStringLiteral("schedule"), QStringLiteral("toy")},
            {QStringLiteral("objective"), QStringLiteral("pred_noise")}};
  }
  QImage samplesImage() override {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
    const auto points =
        m_trainer->diffusion().p_sample_loop(genlab::toy_denoiser(m_trainer->ema()), {1000, 2}, gen);
    return imageFromPixels(genlab::plot_points(m_eval, points), 160, 3);
  }

 private:
  at::Tensor m_eval;
};

}  // namespace

std::unique_ptr<ModelSession> makeToySession(const TrainingSettings& s, const genlab::LabelledImages& train,
                                             const genlab::LabelledImages& eval) {
  if (s.model == QLatin1String("toy-diffusion"))
    return std::make_unique<ToyDiffusionSession>(s, train, eval);
  return std::make_unique<ToySession>(s, train, eval);
}
