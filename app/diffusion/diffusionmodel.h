// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to genlab_core's .cpp files: it includes LibTorch.

#include "modelfamily.h"

#include "diffusion/gaussian_diffusion.h"
#include "diffusion/guidance.h"

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
  /// A network told the class: one of `classes`, or `classes` itself for none; `guidance`: the
  /// run's own scale (Sampler::runsGuidance asks for it).
  DiffusionModel(genlab::GaussianDiffusion process, genlab::ClassDenoiser told, int classes, Output output,
                 double guidance);

  /// `good` guided by `weak`, a worse model of the same data and process (autoguidance, scale `w`:
  /// genlab::autoguided); keeps `good`'s classes and guidance scale. The error says why the two do
  /// not fit together (other timesteps, schedule, shape or classes).
  static Result<std::shared_ptr<const DiffusionModel>> autoguided(const DiffusionModel& good, const DiffusionModel& weak,
                                                                  double w);

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
  /// The network (told no class, for a model that knows classes).
  const genlab::Denoiser& denoiser() const { return m_denoiser; }
  /// Classes the network is told (0: none).
  int classes() const { return m_classes; }
  /// The run's own guidance scale (options.guidance; 0 for a model without classes).
  double guidance() const { return m_guidance; }
  /// `guidance`, or the run's own for Sampler::runsGuidance (any negative value).
  double guidanceOr(double guidance) const { return guidance < 0 ? m_guidance : guidance; }
  /// The network told `labels` (B), guided with scale guidanceOr(`guidance`) (genlab::guided); a
  /// model without classes, or undefined labels: denoiser().
  genlab::Denoiser denoiserFor(const at::Tensor& labels, double guidance) const;
  /// The same for a model told the class and defined `labels`, leaving both predictions of every
  /// call in `keep` (genlab::guided_keeping: one pass of a doubled batch at any w).
  genlab::Denoiser denoiserKeeping(const at::Tensor& labels, double guidance, std::shared_ptr<genlab::GuidanceParts> keep) const;
  /// The classes of `count` samples: all `label`, or with −1 each class in turn; undefined for a
  /// model without classes.
  at::Tensor labelsFor(int64_t count, int label = -1) const;
  /// The shape of `count` samples: (count, 2) or (count, channels, size, size).
  std::vector<int64_t> shape(int count) const;

 private:
  genlab::GaussianDiffusion m_process;
  genlab::Denoiser m_denoiser;
  genlab::ClassDenoiser m_told;
  int m_classes = 0;
  double m_guidance = 0;
  Output m_output;
};
