// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusionmodel.h"

#include "run.h"

#include "diffusion/guidance.h"

#include <QCoreApplication>
#include <cmath>

Result<std::shared_ptr<const DiffusionModel>> DiffusionModel::load(const QString& runFolder, bool ema) {
  Result<std::shared_ptr<const DiffusionModel>> out;
  const auto run = Run::open(runFolder);
  if (!run.ok()) {
    out.error = run.error;
    return out;
  }
  if (!run.value.family().loadDiffusion) {
    out.error = QCoreApplication::translate("DiffusionModel", "%1 is not a diffusion run (its model is a %2)")
                    .arg(runFolder, run.value.family().displayName());
    return out;
  }
  try {
    return run.value.family().loadDiffusion(run.value, ema);
  } catch (const c10::Error& e) {
    out.error = QString::fromStdString(e.what_without_backtrace());
  } catch (const std::exception& e) {
    out.error = QString::fromUtf8(e.what());
  }
  return out;
}

Result<std::shared_ptr<const DiffusionModel>> DiffusionModel::autoguided(const DiffusionModel& good, const DiffusionModel& weak,
                                                                        double w) {
  Result<std::shared_ptr<const DiffusionModel>> out;
  const auto process = [](const DiffusionModel& m) {
    const auto& o = m.process().options();
    return QStringLiteral("%1 schedule, T = %2, %3").arg(m.schedule()).arg(m.timesteps()).arg(QString::fromStdString(o.objective()));
  };
  if (process(good) != process(weak))
    out.error = QCoreApplication::translate("DiffusionModel", "The guiding model's process (%1) is not this model's (%2).")
                    .arg(process(weak), process(good));
  else if (good.shape(1) != weak.shape(1) || good.toyDataset() != weak.toyDataset())
    out.error = QCoreApplication::translate("DiffusionModel", "The guiding model makes other data than this model.");
  else if (good.classes() != weak.classes())
    out.error = QCoreApplication::translate("DiffusionModel", "The guiding model knows %1 classes, this model %2: both must "
                                                              "be told the same classes, or none.")
                    .arg(weak.classes()).arg(good.classes());
  else if (!(std::isfinite(w) && w >= 0 && w <= 100))
    out.error = QCoreApplication::translate("DiffusionModel", "The autoguidance scale must be between 0 and 100 (got %1).").arg(w);
  if (!out.ok())
    return out;
  const auto told = [](const DiffusionModel& m) {
    return m.m_classes > 0 ? m.m_told : genlab::ClassDenoiser([net = m.m_denoiser](const at::Tensor& x, const at::Tensor& t, const at::Tensor&) {
      return net(x, t);
    });
  };
  const auto both = genlab::autoguided(told(good), told(weak), w);
  if (good.m_classes > 0)
    out.value = std::make_shared<const DiffusionModel>(good.m_process, both, good.m_classes, good.m_output, good.m_guidance);
  else
    out.value = std::make_shared<const DiffusionModel>(
        good.m_process, [both](const at::Tensor& x, const at::Tensor& t) { return both(x, t, {}); }, good.m_output);
  return out;
}

std::vector<int64_t> DiffusionModel::shape(int count) const {
  if (m_output.points)
    return {count, 2};
  return {count, m_output.channels, m_output.imageSize, m_output.imageSize};
}

DiffusionModel::DiffusionModel(genlab::GaussianDiffusion process, genlab::ClassDenoiser told, int classes, Output output,
                               double guidance)
    : m_process(std::move(process)), m_told(std::move(told)), m_classes(classes), m_guidance(guidance),
      m_output(std::move(output)) {
  m_denoiser = [told = m_told](const at::Tensor& x, const at::Tensor& t) { return told(x, t, {}); };
}

genlab::Denoiser DiffusionModel::denoiserFor(const at::Tensor& labels, double guidance) const {
  if (m_classes == 0 || !labels.defined())
    return m_denoiser;
  return genlab::guided(m_told, labels, guidanceOr(guidance), m_classes);
}

genlab::Denoiser DiffusionModel::denoiserKeeping(const at::Tensor& labels, double guidance,
                                                 std::shared_ptr<genlab::GuidanceParts> keep) const {
  return genlab::guided_keeping(m_told, labels, guidanceOr(guidance), m_classes, std::move(keep));
}

at::Tensor DiffusionModel::labelsFor(int64_t count, int label) const {
  return m_classes > 0 ? genlab::sample_labels(count, m_classes, label) : at::Tensor();
}
