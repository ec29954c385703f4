// SPDX-License-Identifier: GPL-3.0-or-later
// The U-Net DDPM of seed 000 behind ModelSession.
#include "modelsession.h"
#include "trainersession.h"
#include "diffusionsampling.h"

#include "diffusion/image_diffusion.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QJsonArray>

namespace {

// A laptop-sized U-Net: 28 px halves twice (28 → 14 → 7), 32/64 px three times.
genlab::UnetOptions unetFor(int64_t size, int64_t channels) {
  return genlab::UnetOptions()
      .dim(16)
      .dim_mults(size == 28 ? std::vector<int64_t>{1, 2, 4} : std::vector<int64_t>{1, 2, 4, 8})
      .channels(channels)
      .resnet_block_groups(8)
      .attn_heads(4)
      .attn_dim_head(16);
}

class DdpmSession final : public DiffusionTrainerSession<genlab::ImageDiffusionTrainer> {
 public:
  DdpmSession(const TrainingSettings& s, const genlab::LabelledImages& train)
      : m_channels(train.images.size(1) / (train.height * train.width)), m_size(train.height) {
    m_trainer = std::make_unique<genlab::ImageDiffusionTrainer>(
        unetFor(m_size, m_channels), genlab::GaussianDiffusionOptions().schedule("linear").timesteps(1000),
        genlab::ImageDiffusionTrainerOptions().lr(s.learningRate).batch_size(s.batchSize).seed(s.seed),
        train.images.view({-1, m_channels, train.height, train.width}));
  }
  QJsonObject modelJson() const override {
    const auto& u = m_trainer->model()->options();
    QJsonArray mults;
    for (int64_t m : u.dim_mults())
      mults.append(qint64(m));
    return {{QStringLiteral("kind"), QStringLiteral("ddpm-unet")},
            {QStringLiteral("dim"), qint64(u.dim())},
            {QStringLiteral("dim_mults"), mults},
            {QStringLiteral("channels"), qint64(u.channels())},
            {QStringLiteral("image_size"), qint64(m_size)},
            {QStringLiteral("resnet_block_groups"), qint64(u.resnet_block_groups())},
            {QStringLiteral("attn_heads"), qint64(u.attn_heads())},
            {QStringLiteral("attn_dim_head"), qint64(u.attn_dim_head())},
            {QStringLiteral("schedule"), QStringLiteral("linear")},
            {QStringLiteral("timesteps"), qint64(m_trainer->diffusion().timesteps())},
            {QStringLiteral("objective"), QStringLiteral("pred_noise")}};
  }
  QImage samplesImage() override {
    // 16 digits by DDIM-50 from the EMA weights, the same noise each time.
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
    const auto x = m_trainer->diffusion().ddim_sample(genlab::unet_denoiser(m_trainer->ema()),
                                                       {16, m_channels, m_size, m_size}, 50, 0.0, gen);
    return DiffusionSampling::imageGrid(x.add(1).mul(0.5).clamp(0, 1), 4);
  }

 private:
  int64_t m_channels, m_size;
};

}  // namespace

std::unique_ptr<ModelSession> makeDdpmSession(const TrainingSettings& s, const genlab::LabelledImages& train) {
  return std::make_unique<DdpmSession>(s, train);
}
