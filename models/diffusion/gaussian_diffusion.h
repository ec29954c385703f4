// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diffusion/diffusion_schedule.h"

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>
#include <torch/arg.h>

#include <functional>
#include <string>
#include <vector>

namespace genlab {

/// Options of the diffusion process (the network is separate: anything that maps (x_t, t) to a
/// prediction, see Denoiser).
struct GaussianDiffusionOptions {
  /// "linear", "cosine", "sigmoid" or "toy" (see make_diffusion_schedule).
  TORCH_ARG(std::string, schedule) = "linear";
  /// T, the number of noising steps.
  TORCH_ARG(int64_t, timesteps) = 1000;
  /// What the network predicts: "pred_noise" (ε, Ho et al.), "pred_x0", or "pred_v" (Salimans & Ho 2022).
  TORCH_ARG(std::string, objective) = "pred_noise";
  /// Clamp x̂0 to [−1, 1] while sampling (images scaled to [−1, 1]); off for point clouds.
  TORCH_ARG(bool, clip_x0) = true;
  /// > 0: Min-SNR-γ loss weighting (Hang et al. 2023, "Efficient Diffusion Training via Min-SNR
  /// Weighting Strategy"): each timestep's loss weighted as if it were the x0-loss times
  /// min(SNR(t), γ), so the nearly clean timesteps stop dominating. 0: the plain loss.
  TORCH_ARG(double, min_snr_gamma) = 0;
};

/// The network: prediction (B, …) for noisy inputs x_t (B, …) at integer timesteps t (B), int64.
using Denoiser = std::function<at::Tensor(const at::Tensor& x_t, const at::Tensor& t)>;
/// A network told the class: labels (B), int64; undefined: no class for any image.
using ClassDenoiser = std::function<at::Tensor(const at::Tensor& x_t, const at::Tensor& t, const at::Tensor& labels)>;

/// One step of a sampler, as it happens: the state x_t it started from, what the network made of
/// it (x̂0 and ε̂), and the state it moved to. `index` counts from 0; `t` is the model's timestep.
struct DiffusionStep {
  int64_t index = 0;
  int64_t t = 0;
  at::Tensor x_t, x0, eps, next;
};
/// Called after every step on the sampling thread; return false to stop sampling there.
using StepCallback = std::function<bool(const DiffusionStep&)>;

/// Gaussian diffusion (Ho et al. 2020, "Denoising Diffusion Probabilistic Models"; DDIM from
/// Song et al. 2021) with the buffers and methods of seed 000's GaussianDiffusion. Buffers are
/// computed in float64 and stored float32, shape (T).
class GaussianDiffusion {
 public:
  explicit GaussianDiffusion(const GaussianDiffusionOptions& options = {});
  const GaussianDiffusionOptions& options() const { return options_; }
  const DiffusionSchedule& schedule() const { return schedule_; }
  int64_t timesteps() const { return options_.timesteps(); }

  at::Tensor betas, alphas_cumprod, alphas_cumprod_prev, sqrt_alphas_cumprod, sqrt_one_minus_alphas_cumprod,
      sqrt_recip_alphas_cumprod, sqrt_recipm1_alphas_cumprod, posterior_variance, posterior_log_variance_clipped,
      posterior_mean_coef1, posterior_mean_coef2;

  /// x_t = √ᾱ_t·x0 + √(1−ᾱ_t)·ε.
  at::Tensor q_sample(const at::Tensor& x0, const at::Tensor& t, const at::Tensor& noise) const;
  at::Tensor predict_start_from_noise(const at::Tensor& x_t, const at::Tensor& t, const at::Tensor& noise) const;
  at::Tensor predict_noise_from_start(const at::Tensor& x_t, const at::Tensor& t, const at::Tensor& x0) const;
  /// v = √ᾱ_t·ε − √(1−ᾱ_t)·x0.
  at::Tensor predict_v(const at::Tensor& x0, const at::Tensor& t, const at::Tensor& noise) const;
  at::Tensor predict_start_from_v(const at::Tensor& x_t, const at::Tensor& t, const at::Tensor& v) const;

  struct Posterior {
    at::Tensor mean, variance, log_variance;
  };
  /// q(x_{t−1} | x_t, x0).
  Posterior q_posterior(const at::Tensor& x0, const at::Tensor& x_t, const at::Tensor& t) const;

  struct Predictions {
    at::Tensor pred_noise, pred_x_start;
  };
  /// The network's output read as ε̂ and x̂0 (x̂0 clipped when asked, ε̂ then re-derived from it).
  Predictions model_predictions(const Denoiser& model, const at::Tensor& x_t, const at::Tensor& t, bool clip) const;

  struct MeanVariance {
    at::Tensor mean, variance, log_variance, x0, eps;
  };
  /// The reverse step's Gaussian: q_posterior around the predicted x̂0.
  MeanVariance p_mean_variance(const Denoiser& model, const at::Tensor& x_t, const at::Tensor& t) const;
  /// x_{t−1} ~ p(x_{t−1} | x_t) (no noise at t = 0); reports the step when `report` is set.
  at::Tensor p_sample(const Denoiser& model, const at::Tensor& x_t, int64_t t, at::Generator& gen,
                      DiffusionStep* report = nullptr) const;

  /// The timesteps DDPM visits: T−1, T−2, …, 0.
  std::vector<int64_t> ddpm_timesteps() const;
  /// The timesteps DDIM with `steps` steps visits: linspace(−1, T−1, steps+1) truncated, reversed,
  /// without the final −1 (seed 000's spacing). Refuses steps outside 1 … T.
  std::vector<int64_t> ddim_timesteps(int64_t steps) const;
  /// The same spacing from timestep `from` down (a fork): linspace(−1, from, steps+1); steps in
  /// 1 … from + 1.
  std::vector<int64_t> ddim_timesteps(int64_t steps, int64_t from) const;
  /// DDPM's timesteps from `from` down: from, from − 1, …, 0.
  std::vector<int64_t> ddpm_timesteps(int64_t from) const;

  /// The reverse process from state x at timestep times[0], visiting `times` (descending; DDPM:
  /// consecutive) with ancestral steps or, with `ddim`, DDIM steps with η. Steps are reported with
  /// index first_index, first_index + 1, … Returns the final state (or where the callback stopped).
  at::Tensor denoise(const Denoiser& model, at::Tensor x, const std::vector<int64_t>& times, bool ddim, double eta,
                     at::Generator& gen, const StepCallback& on_step = {}, int64_t first_index = 0) const;

  /// Ancestral sampling from pure noise of `shape`: T steps. Returns the final x0 (or the state
  /// where the callback stopped it).
  at::Tensor p_sample_loop(const Denoiser& model, at::IntArrayRef shape, at::Generator& gen,
                           const StepCallback& on_step = {}) const;
  /// DDIM: `steps` steps, η = 0 deterministic, η = 1 DDPM-like noise.
  at::Tensor ddim_sample(const Denoiser& model, at::IntArrayRef shape, int64_t steps, double eta, at::Generator& gen,
                         const StepCallback& on_step = {}) const;

  /// The training loss: t uniform (or antithetic: the second half of the batch uses T−1−t, seed
  /// 002), x_t = q_sample(x0, t, ε), MSE between the network's output and its target (ε, x0 or v),
  /// weighted as denoising-diffusion-pytorch does (pred_x0: SNR, pred_v: SNR/(SNR+1)).
  /// With `share` (data-parallel training), x0 is the whole batch: t and ε are drawn for all of it,
  /// as one process draws them, and the loss is the mean over the rows share() picks of x0, t and ε.
  at::Tensor loss(const Denoiser& model, const at::Tensor& x0, at::Generator& gen, bool antithetic = false,
                  const std::function<at::Tensor(const at::Tensor&)>& share = {}) const;

  /// The held-out noise-prediction loss (what `genlab-cli eval` prints): for x0 (N, …) in the
  /// model's data scale, t ~ U{0 … T−1} and ε ~ N(0, I) from a CPU generator seeded with `seed`
  /// (all drawn before the first batch, so the number does not depend on `batch`), x_t =
  /// q_sample(x0, t, ε), and the mean over every value of (ε̂ − ε)², with ε̂ the network's output
  /// read as noise (model_predictions without clipping; the output itself for pred_noise).
  /// Runs the network in batches of `batch` under InferenceMode.
  double held_out_loss(const Denoiser& model, const at::Tensor& x0, uint64_t seed, int64_t batch = 256) const;
  /// held_out_loss and, beside it, the same mean over the examples whose t fell in each of
  /// `buckets` equal ranges (bucket b: b·T/buckets ≤ t < (b+1)·T/buckets; NaN where none did):
  /// the loss as a function of the noise level, the curve diffusion papers draw.
  struct HeldOutLoss {
    double mean = 0;
    std::vector<double> by_timestep;
  };
  HeldOutLoss held_out_losses(const Denoiser& model, const at::Tensor& x0, uint64_t seed, int64_t buckets,
                              int64_t batch = 256) const;
  /// The same for a network told each example's class, `labels` (N; undefined: none).
  HeldOutLoss held_out_losses(const ClassDenoiser& model, const at::Tensor& x0, const at::Tensor& labels, uint64_t seed,
                              int64_t buckets, int64_t batch = 256) const;

 private:
  at::Tensor extract(const at::Tensor& a, const at::Tensor& t, const at::Tensor& like) const;
  GaussianDiffusionOptions options_;
  DiffusionSchedule schedule_;
};

}  // namespace genlab
