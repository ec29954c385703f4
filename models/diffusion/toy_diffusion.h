// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/safetensors.h"
#include "nn/tensor_specs.h"
#include "diffusion/diffusion_trainer.h"
#include "diffusion/gaussian_diffusion.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/pimpl.h>

#include <memory>
#include <string>

namespace genlab {

/// Options of seed 002's toy diffusion model.
struct MLPDiffusionOptions {
  /// T, the number of diffusion steps (seed 002: 100).
  TORCH_ARG(int64_t, timesteps) = 100;
  /// Width of the three hidden layers.
  TORCH_ARG(int64_t, hidden) = 128;
  /// Told the class: how many there are (the set's parts: two moons, eight Gaussians …); 0: not told.
  TORCH_ARG(int64_t, classes) = 0;
};

/// Seed 002's MLPDiffusion: Linear(2, 128) → +emb₀(t) → ReLU → Linear(128, 128) → +emb₁(t) → ReLU →
/// Linear(128, 128) → +emb₂(t) → ReLU → Linear(128, 2), with a learned embedding of the step added
/// after each of the first three linears. Names as seed 002: `linears.0.weight` … `linears.6.bias`,
/// `step_embeddings.0.weight` … `step_embeddings.2.weight`. Told the class, a learned embedding of
/// it (classes + 1 rows, the last "no class") is added beside each step embedding
/// (`class_embeddings.0.weight` … `.2.weight`).
class MLPDiffusionImpl : public torch::nn::Module {
 public:
  explicit MLPDiffusionImpl(const MLPDiffusionOptions& options = {});
  /// ε̂ (B, 2) for noisy points x (B, 2) at steps t (B) int64; told the class, `labels` (B) int64 in
  /// [0, classes], `classes` meaning none (undefined: none for every point).
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& labels = {});
  const MLPDiffusionOptions& options() const { return options_; }

  torch::nn::ModuleList linears{nullptr};
  torch::nn::ModuleList step_embeddings{nullptr};
  torch::nn::ModuleList class_embeddings{nullptr};  ///< told the class only

 private:
  MLPDiffusionOptions options_;
};
TORCH_MODULE(MLPDiffusion);

/// The tensors of MLPDiffusion(options), from the options alone, or the message its constructor
/// would throw.
Result<TensorSpecs> mlp_diffusion_tensors(const MLPDiffusionOptions& options);

/// Hyperparameters of toy diffusion training (seed 002: Adam 1e-3, batch 128).
struct ToyDiffusionTrainerOptions {
  TORCH_ARG(double, lr) = 1e-3;
  TORCH_ARG(int64_t, batch_size) = 128;
  /// Decay of the exponential moving average of the weights used for sampling.
  TORCH_ARG(double, ema_decay) = 0.995;
  TORCH_ARG(uint64_t, seed) = 1;
  /// A net told the class: the share of points shown without it (classifier-free guidance's training).
  TORCH_ARG(double, class_dropout) = 0.1;
};

/// Trains an MLPDiffusion on points (N, 2) with seed 002's ε-prediction loss (antithetic t) and
/// seed 002's sigmoid schedule; keeps an EMA copy of the weights ("ema.*" in checkpoints).
class ToyDiffusionTrainer final : public DiffusionTrainer {
 public:
  /// `labels` (N, int64): each point's class, for a net told the class (else undefined).
  ToyDiffusionTrainer(const MLPDiffusionOptions& model_options, const ToyDiffusionTrainerOptions& options,
                      at::Tensor points, at::Tensor labels = {});
  /// One Adam step; returns the loss.
  double step();
  /// The held-out noise-prediction loss of the EMA weights (GaussianDiffusion::held_out_loss) on
  /// `points` (N, 2), in data coordinates as in training; a net told the class is told `labels` (N).
  double evaluate(const at::Tensor& points, uint64_t seed = 12345, const at::Tensor& labels = {});
  /// The same with its mean per tenth (`buckets`) of the timesteps (GaussianDiffusion::held_out_losses).
  GaussianDiffusion::HeldOutLoss evaluate_by_timestep(const at::Tensor& points, int64_t buckets, uint64_t seed = 12345,
                                                      const at::Tensor& labels = {});
  MLPDiffusion& model() { return model_; }
  MLPDiffusion& ema() { return ema_; }

 private:
  ToyDiffusionTrainerOptions options_;
  MLPDiffusion model_{nullptr}, ema_{nullptr};
  at::Tensor labels_;
};

/// The diffusion process of a toy model: seed 002's schedule, ε-prediction, no clipping.
GaussianDiffusion toy_diffusion_process(int64_t timesteps);
/// A Denoiser that runs `model` without gradients (for sampling); a net told the class is told none.
Denoiser toy_denoiser(MLPDiffusion model);
/// The same told each point's class (genlab::guided mixes it with no class).
ClassDenoiser toy_class_denoiser(MLPDiffusion model);
/// Fills `model` from "ema.*" (or, with `ema` false, "model.*") of an opened toy-diffusion weights
/// file. Nothing changes unless every tensor fits; the error names `file_name` and the first
/// tensor missing or of another shape or dtype (float32 only).
Status load_toy_diffusion(MLPDiffusion& model, const SafetensorsFile& file, const std::string& file_name,
                          bool ema = true);
/// The same from a path.
Status load_toy_diffusion(MLPDiffusion& model, const std::string& weights_path, bool ema = true);

}  // namespace genlab
