// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to genlab_core's .cpp files: it includes LibTorch.

#include "diffusion/gaussian_diffusion.h"

#include <QString>
#include <memory>
#include <vector>

/// A trained diffusion run opened for sampling: its network (EMA or raw weights), its process,
/// and what it makes (images of size × size × channels, or 2-D points of a toy set).
class DiffusionModel {
 public:
  /// Loads a ddpm-unet or toy-diffusion run; null with *error set for anything else.
  static std::unique_ptr<DiffusionModel> load(const QString& runFolder, bool ema, QString* error);

  bool makesPoints() const { return m_points; }
  int channels() const { return m_channels; }
  int imageSize() const { return m_size; }
  int timesteps() const { return int(m_process.timesteps()); }
  /// "linear", "cosine", "sigmoid" or "toy".
  QString schedule() const { return QString::fromStdString(m_process.options().schedule()); }
  /// The toy set's name ("s-curve", …) for a points model, else "".
  QString toyDataset() const { return m_toyDataset; }
  const genlab::GaussianDiffusion& process() const { return m_process; }
  const genlab::Denoiser& denoiser() const { return m_denoiser; }
  /// The shape of `count` samples: (count, 2) or (count, channels, size, size).
  std::vector<int64_t> shape(int count) const;

 private:
  explicit DiffusionModel(genlab::GaussianDiffusion process) : m_process(std::move(process)) {}
  genlab::GaussianDiffusion m_process;
  genlab::Denoiser m_denoiser;
  bool m_points = false;
  int m_channels = 1, m_size = 28;
  QString m_toyDataset;
};
