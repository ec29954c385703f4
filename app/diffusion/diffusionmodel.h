// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to genlab_core's .cpp files: it includes LibTorch.

#include "modelfamily.h"

#include "diffusion/gaussian_diffusion.h"

#include <QString>
#include <memory>
#include <vector>

/// A trained diffusion run opened for sampling: its network (EMA or raw weights), its process,
/// and what it makes (images of size × size × channels, or 2-D points of a toy set). The run's
/// family builds it (ModelFamily::loadDiffusion).
class DiffusionModel {
 public:
  /// What the network makes.
  struct Output {
    bool points = false;
    int channels = 1, imageSize = 28;
    QString toyDataset;  ///< the toy set's name ("s-curve", …) for a points model
  };
  DiffusionModel(genlab::GaussianDiffusion process, genlab::Denoiser denoiser, Output output)
      : m_process(std::move(process)), m_denoiser(std::move(denoiser)), m_output(std::move(output)) {}

  /// Opens the run in `runFolder` and builds its network; the error says why not (not a diffusion
  /// run, corrupt weights, …).
  static Result<std::shared_ptr<const DiffusionModel>> load(const QString& runFolder, bool ema);

  bool makesPoints() const { return m_output.points; }
  int channels() const { return m_output.channels; }
  int imageSize() const { return m_output.imageSize; }
  int timesteps() const { return int(m_process.timesteps()); }
  /// "linear", "cosine", "sigmoid" or "toy".
  QString schedule() const { return QString::fromStdString(m_process.options().schedule()); }
  QString toyDataset() const { return m_output.toyDataset; }
  const genlab::GaussianDiffusion& process() const { return m_process; }
  const genlab::Denoiser& denoiser() const { return m_denoiser; }
  /// The shape of `count` samples: (count, 2) or (count, channels, size, size).
  std::vector<int64_t> shape(int count) const;

 private:
  genlab::GaussianDiffusion m_process;
  genlab::Denoiser m_denoiser;
  Output m_output;
};
