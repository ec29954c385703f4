// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusionsampling.h"

#include "decodersnapshot.h"
#include "diffusionmodel.h"

#include "data/toy2d.h"
#include "toy/toy_models.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/randn.h>

#include <cmath>

#include <QCoreApplication>
#include <QPainter>

namespace DiffusionSampling {

QString validate(const Request& r, int timesteps) {
  auto tr = [](const char* s) { return QCoreApplication::translate("DiffusionSampling", s); };
  if (r.sampler != QLatin1String("ddpm") && r.sampler != QLatin1String("ddim"))
    return tr("Unknown sampler '%1' (ddpm or ddim).").arg(r.sampler);
  if (r.sampler == QLatin1String("ddim") && (r.steps < 1 || r.steps > timesteps))
    return tr("DDIM steps must be between 1 and the run's %1 timesteps (got %2).").arg(timesteps).arg(r.steps);
  if (!(r.eta >= 0 && r.eta <= 1))
    return tr("η must be between 0 and 1 (got %1).").arg(r.eta);
  if (r.count < 1 || r.count > 100000)
    return tr("The number of samples must be between 1 and 100000 (got %1).").arg(r.count);
  return {};
}

QImage sampleRun(const QString& runFolder, const Request& r, QString* error) {
  const auto model = DiffusionModel::load(runFolder, true, error);
  if (!model)
    return {};
  if (!model->makesPoints()) {
    *error = QCoreApplication::translate("DiffusionSampling", "%1 is not a toy diffusion run").arg(runFolder);
    return {};
  }
  if (*error = validate(r, model->timesteps()); !error->isEmpty())
    return {};
  try {
    const auto& diffusion = model->process();
    auto gen = at::make_generator<at::CPUGeneratorImpl>(r.seed);
    const bool ddim = r.sampler == QLatin1String("ddim");
    const auto visits = ddim ? diffusion.ddim_timesteps(r.steps) : diffusion.ddpm_timesteps();
    const auto background = genlab::make_toy2d(model->toyDataset().toStdString(), 2000, 2);
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
    const auto points = diffusion.denoise(model->denoiser(), at::randn({r.count, 2}, gen, at::TensorOptions(at::kFloat)),
                                          visits, ddim, r.eta, gen, keep);
    if (frames == 0)
      return imageFromPixels(genlab::plot_points(background, points), 160, 3);
    const int side = 160, label = 18;
    QImage image(int(strip.size()) * (side + 4) + 4, side + label + 4, QImage::Format_RGB888);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (size_t i = 0; i < strip.size(); ++i) {
      const int x = 4 + int(i) * (side + 4);
      painter.drawImage(x, label, imageFromPixels(genlab::plot_points(background, strip[i].second, side, true), side, 3));
      painter.drawText(QRect(x, 0, side, label), Qt::AlignCenter, strip[i].first);
    }
    return image;
  } catch (const c10::Error& e) {
    *error = QString::fromStdString(e.what_without_backtrace());
    return {};
  }
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

QImage sampleImages(const QString& runFolder, const Request& r, QString* error) {
  const auto model = DiffusionModel::load(runFolder, true, error);
  if (!model)
    return {};
  if (model->makesPoints()) {
    *error = QCoreApplication::translate("DiffusionSampling", "%1 makes points, not images").arg(runFolder);
    return {};
  }
  if (*error = validate(r, model->timesteps()); !error->isEmpty())
    return {};
  try {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(r.seed);
    const auto& diffusion = model->process();
    const bool ddim = r.sampler == QLatin1String("ddim");
    const auto x = diffusion.denoise(model->denoiser(), at::randn(model->shape(r.count), gen, at::TensorOptions(at::kFloat)),
                                     ddim ? diffusion.ddim_timesteps(r.steps) : diffusion.ddpm_timesteps(), ddim, r.eta,
                                     gen);
    return imageGrid(x.add(1).mul(0.5).clamp(0, 1), int(std::ceil(std::sqrt(double(r.count)))));
  } catch (const c10::Error& e) {
    *error = QString::fromStdString(e.what_without_backtrace());
    return {};
  }
}

}  // namespace DiffusionSampling
