// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusionmodel.h"

#include "runfolder.h"

#include "diffusion/image_diffusion.h"
#include "diffusion/toy_diffusion.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

std::unique_ptr<DiffusionModel> DiffusionModel::load(const QString& runFolder, bool ema, QString* error) {
  const RunFolder run(runFolder);
  const QJsonObject json = run.readRunJson(error);
  if (!error->isEmpty())
    return nullptr;
  const QJsonObject m = json.value(QStringLiteral("model")).toObject();
  const QString kind = m.value(QStringLiteral("kind")).toString();
  const std::string weights = run.file(QStringLiteral("weights.safetensors")).toStdString();
  try {
    const int T = m.value(QStringLiteral("timesteps")).toInt(kind == QLatin1String("toy-diffusion") ? 100 : 1000);
    if (kind == QLatin1String("toy-diffusion")) {
      std::unique_ptr<DiffusionModel> model(new DiffusionModel(genlab::toy_diffusion_process(T)));
      genlab::MLPDiffusion net(
          genlab::MLPDiffusionOptions().timesteps(T).hidden(m.value(QStringLiteral("hidden")).toInt(128)));
      if (const auto err = genlab::load_toy_diffusion(net, weights, ema); !err.empty()) {
        *error = QString::fromStdString(err);
        return nullptr;
      }
      model->m_denoiser = genlab::toy_denoiser(net);
      model->m_points = true;
      model->m_toyDataset = json.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("name")).toString().mid(4);
      return model;
    }
    if (kind == QLatin1String("ddpm-unet")) {
      std::vector<int64_t> mults;
      for (const auto& v : m.value(QStringLiteral("dim_mults")).toArray())
        mults.push_back(v.toInt());
      const int channels = m.value(QStringLiteral("channels")).toInt(1);
      genlab::Unet net(genlab::UnetOptions()
                           .dim(m.value(QStringLiteral("dim")).toInt(16))
                           .dim_mults(mults)
                           .channels(channels)
                           .resnet_block_groups(m.value(QStringLiteral("resnet_block_groups")).toInt(8))
                           .attn_heads(m.value(QStringLiteral("attn_heads")).toInt(4))
                           .attn_dim_head(m.value(QStringLiteral("attn_dim_head")).toInt(32)));
      if (const auto err = genlab::load_unet(net, weights, ema); !err.empty()) {
        *error = QString::fromStdString(err);
        return nullptr;
      }
      const auto schedule = m.value(QStringLiteral("schedule")).toString(QStringLiteral("linear")).toStdString();
      std::unique_ptr<DiffusionModel> model(
          new DiffusionModel(genlab::GaussianDiffusion(genlab::GaussianDiffusionOptions().schedule(schedule).timesteps(T))));
      net->eval();
      model->m_denoiser = genlab::unet_denoiser(net);
      model->m_channels = channels;
      model->m_size = m.value(QStringLiteral("image_size")).toInt(28);
      return model;
    }
  } catch (const c10::Error& e) {
    *error = QString::fromStdString(e.what_without_backtrace());
    return nullptr;
  }
  *error = QCoreApplication::translate("DiffusionModel", "%1 is not a diffusion run (its model is '%2')")
               .arg(runFolder, kind);
  return nullptr;
}

std::vector<int64_t> DiffusionModel::shape(int count) const {
  if (m_points)
    return {count, 2};
  return {count, m_channels, m_size, m_size};
}
