// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusionsampling.h"
#include "samplernames.h"

#include "decodersnapshot.h"
#include "diffusionmodel.h"

#include "data/toy2d.h"
#include "nn/precision.h"
#include "nn/device.h"
#include "scatterplot.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/randn.h>

#include <cmath>

#include <QCoreApplication>
#include <QPainter>

namespace DiffusionSampling {

Status validate(const Request& r, int timesteps) {
  if (!Sampler::isKnown(r.sampler))
    return {QCoreApplication::translate("DiffusionSampling", "Unknown sampler '%1' (ddpm or ddim).").arg(r.sampler)};
  if (Sampler::isImplicit(r.sampler) && (r.steps < 0 || Sampler::stepsFor(r.steps, timesteps) > timesteps))
    return {QCoreApplication::translate("DiffusionSampling", "DDIM steps must be between 1 and the run's %1 timesteps (got %2).").arg(timesteps).arg(r.steps)};
  if (r.guidance != Sampler::runsGuidance && !(r.guidance >= 0 && r.guidance <= 100))
    return {QCoreApplication::translate("DiffusionSampling", "The guidance scale must be between 0 and 100 (got %1).").arg(r.guidance)};
  if (!(r.eta >= 0 && r.eta <= 1))
    return {QCoreApplication::translate("DiffusionSampling", "η must be between 0 and 1 (got %1).").arg(r.eta)};
  if (r.count < 1 || r.count > 100000)
    return {QCoreApplication::translate("DiffusionSampling", "The number of samples must be between 1 and 100000 (got %1).").arg(r.count)};
  return {};
}

Result<at::Tensor> sampleImages(const DiffusionModel& model, const Request& request) {
  Result<at::Tensor> out;
  Request r = request;
  if (r.count == 0)
    r.count = 16;
  if (model.makesPoints())
    out.error = QCoreApplication::translate("DiffusionSampling", "This model makes points, not images.");
  else if (!(r.batch >= 0 && r.batch <= 4096))
    out.error = QCoreApplication::translate("DiffusionSampling", "A batch is 1 to 4096 images (got %1).").arg(r.batch);
  if (out.ok() && !r.precision.isEmpty() && r.precision != QLatin1String("bf16") && r.precision != QLatin1String("fp32"))
    out.error = QCoreApplication::translate("DiffusionSampling", "Precision is bf16 or fp32 (got '%1').").arg(r.precision);
  if (out.ok())
    out.error = validate(r, model.timesteps()).error;
  if (out.ok())
    out.error = checkClassLabel(r.label, model.classes()).error;
  if (!out.ok())
    return out;
  const auto& diffusion = model.process();
  auto gen = at::make_generator<at::CPUGeneratorImpl>(r.seed);
  const bool ddim = Sampler::isImplicit(r.sampler);
  const auto visits = ddim ? diffusion.ddim_timesteps(Sampler::stepsFor(r.steps, model.timesteps())) : diffusion.ddpm_timesteps();
  const int64_t total = r.count, batch = r.batch > 0 ? r.batch : 100, steps = int64_t(visits.size());
  // A model told the class draws the classes in turn (equal counts), or the one asked for.
  const at::Tensor labels = model.labelsFor(total, r.label);
  const auto noise = at::randn(model.shape(r.count), gen, at::TensorOptions(at::kFloat));
  genlab::PrecisionScope precision(genlab::chosen_precision(r.precision.toStdString()));
  std::vector<at::Tensor> done;
  bool go_on = true;
  for (int64_t start = 0; start < total && go_on; start += batch) {
    const int64_t size = std::min(batch, total - start);
    genlab::StepCallback told;
    if (r.progress)
      told = [&](const genlab::DiffusionStep& s) {
        go_on = r.progress((double(start) * double(steps) + double(size) * double(s.index + 1)) / (double(total) * double(steps)));
        return go_on;
      };
    const auto net = model.denoiserFor(labels.defined() ? labels.narrow(0, start, size) : labels, r.guidance);
    done.push_back(diffusion.denoise(net, noise.narrow(0, start, size).clone(), visits, ddim, r.eta, gen, told));
  }
  if (!go_on) {
    out.error = QCoreApplication::translate("DiffusionSampling", "Sampling was stopped.");
    return out;
  }
  out.value = at::cat(done).add_(1).mul_(0.5).clamp_(0, 1);
  return out;
}

Result<QImage> sample(const DiffusionModel& model, const Request& request) {
  Result<QImage> out;
  Request r = request;
  if (r.count == 0)
    r.count = model.makesPoints() ? 1000 : 16;
  if (!model.makesPoints() && r.count > 1024)
    out.error = QCoreApplication::translate("DiffusionSampling", "At most 1024 images at a time (asked for %1).").arg(r.count);
  if (out.ok())
    out.error = validate(r, model.timesteps()).error;
  if (out.ok())
    out.error = checkClassLabel(r.label, model.classes()).error;
  if (!out.ok())
    return out;
  if (!model.makesPoints() && r.frames == 0) {  // a grid: in batches, with progress
    const auto images = sampleImages(model, r);
    if (!images.ok())
      return {{}, images.error};
    out.value = imageGrid(images.value, int(std::ceil(std::sqrt(double(r.count)))));
    return out;
  }
  const auto& diffusion = model.process();
  auto gen = at::make_generator<at::CPUGeneratorImpl>(r.seed);
  const bool ddim = Sampler::isImplicit(r.sampler);
  const auto visits = ddim ? diffusion.ddim_timesteps(Sampler::stepsFor(r.steps, model.timesteps())) : diffusion.ddpm_timesteps();
  const auto background = model.makesPoints() ? genlab::floats_of(genlab::make_toy2d(model.toyDataset().toStdString(), 2000, 2))
                                              : std::vector<float>();
  const int cols = int(std::ceil(std::sqrt(double(r.count))));
  // One picture of a state: a scatter plot over the data, or a grid of images in [−1, 1].
  auto picture = [&](const at::Tensor& x, int side, bool fit) {
    return model.makesPoints() ? imageFromPixels(plotPoints(background, genlab::floats_of(x), side, fit), side, 3)
                               : imageGrid(x.add(1).mul(0.5).clamp(0, 1), cols);
  };
  // The states to draw: the starting noise, then after every k-th step (always the last).
  const int64_t n = int64_t(visits.size()), frames = std::min<int64_t>(r.frames, n);
  std::vector<std::pair<QString, at::Tensor>> strip;
  genlab::StepCallback keep;
  if (frames > 0)
    keep = [&](const genlab::DiffusionStep& s) {
      if (s.index == 0)
        strip.emplace_back(QStringLiteral("x_%1 (noise)").arg(s.t + 1), s.x_t);
      const int64_t done = s.index + 1;
      if (done * frames / n != s.index * frames / n)  // crosses the next of `frames` even marks
        strip.emplace_back(s.index + 1 == n ? QStringLiteral("x_0 (step %1)").arg(done)
                                            : QStringLiteral("step %1 (t = %2)").arg(done).arg(s.t),
                           s.next);
      return true;
    };
  const auto x = diffusion.denoise(model.denoiserFor(model.labelsFor(r.count, r.label), r.guidance), at::randn(model.shape(r.count), gen, at::TensorOptions(at::kFloat)),
                                   visits, ddim, r.eta, gen, keep);
  if (frames == 0) {
    out.value = picture(x, 160, false);
    return out;
  }
  const int side = 160, label = 18;
  QImage image(int(strip.size()) * (side + 4) + 4, side + label + 4, QImage::Format_RGB888);
  image.fill(Qt::white);
  QPainter painter(&image);
  for (size_t i = 0; i < strip.size(); ++i) {
    const int x0 = 4 + int(i) * (side + 4);
    const QImage panel = picture(strip[i].second, side, true);
    painter.drawImage(QRect(x0, label, side, side), panel);
    painter.drawText(QRect(x0, 0, side, label), Qt::AlignCenter, strip[i].first);
  }
  out.value = image;
  return out;
}

QImage imageGrid(const at::Tensor& images, int cols) {
  const auto x = images.to(at::kFloat).contiguous();
  const int n = int(x.size(0)), c = int(x.size(1)), side = int(x.size(2)), rows = (n + cols - 1) / cols;
  QImage grid(cols * (side + 1) + 1, rows * (side + 1) + 1, c == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  grid.fill(QColor(40, 40, 40));
  QPainter painter(&grid);
  const float* p = x.data_ptr<float>();
  const size_t per = size_t(c * side * side);
  for (int i = 0; i < n; ++i)
    painter.drawImage(1 + (i % cols) * (side + 1), 1 + (i / cols) * (side + 1),
                      imageFromPixels(std::vector<float>(p + size_t(i) * per, p + size_t(i + 1) * per), side, c));
  return grid;
}

}  // namespace DiffusionSampling
