// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusionmodel.h"

#include "run.h"

#include "diffusion/guidance.h"

#include <QCoreApplication>

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
