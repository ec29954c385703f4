// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/gaussian_diffusion.h"
#include "nn/adam.h"
#include "nn/batch_trainer.h"
#include "nn/precision.h"

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>

#include <memory>
#include <string>

namespace genlab {

/// What the diffusion trainers (images, toy points) share — denoising-diffusion-pytorch's Trainer,
/// seed 002's loop: a noise-prediction network and an EMA copy of it for sampling ("model.*" and
/// "ema.*" in checkpoints), one Adam ("adam.*"), and the step: t and ε drawn for the whole batch,
/// this rank's share, the loss, backward, the gradient norm clipped to 1, Adam, the EMA update.
class DiffusionTrainer : public BatchTrainer {
 public:
  const GaussianDiffusion& diffusion() const { return diffusion_; }
  /// The learning rate of step `step` (0-based), after set_lr_decay.
  double lr_at(int64_t step) const { return decayed_lr(lr_, step); }

 protected:
  /// `examples` (N, …) as the network takes them; `format` names the trainer in the state file.
  DiffusionTrainer(at::Tensor examples, int64_t batch_size, uint64_t seed, std::string format,
                   const GaussianDiffusionOptions& process, double lr, double ema_decay);

  /// Refuses a learning rate outside (0, 1] and an EMA decay outside [0, 1) (the constructors'
  /// checks, in their order).
  static void check_rates(double lr, double ema_decay);

  /// Starts training `model`, whose weights `ema` copies now and follows after every step;
  /// registers both and the optimizer for checkpoints. Once, after both are built.
  void train_networks(torch::nn::Module& model, torch::nn::Module& ema);

  /// One step on the next batch; returns its loss (the mean over the ranks). `net` predicts the
  /// noise (float32) from x_t and t; `antithetic`: the second half of the batch takes T−1−t;
  /// `precision`: of the forward pass (backward follows its casts). `what` names the loss in the
  /// error when it stops being finite ("diffusion", "toy diffusion").
  double train_step(const Denoiser& net, bool antithetic, Precision precision, const char* what);
  /// The same for a network told the class: `labels` holds every example's (N); each image's is
  /// replaced by `no_class` with probability `drop` (classifier-free guidance's training, drawn for
  /// the whole batch before t and ε).
  double train_step(const ClassDenoiser& net, const at::Tensor& labels, double drop, int64_t no_class, bool antithetic,
                    Precision precision, const char* what);

  GaussianDiffusion diffusion_;

 private:
  double lr_, ema_decay_;
  torch::nn::Module* trained_ = nullptr;  ///< the network Adam trains
  torch::nn::Module* averaged_ = nullptr;  ///< its EMA copy
  std::unique_ptr<Adam> adam_;
};

}  // namespace genlab
