// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/gaussian_diffusion.h"

#include "nn/device.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/TensorOperators.h>
#include <ATen/ops/bincount.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/div.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/full.h>
#include <ATen/ops/randint.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros.h>
#include <ATen/ops/zeros_like.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>

namespace genlab {
namespace {

at::Tensor to_tensor(const std::vector<double>& v) {
  return at::from_blob(const_cast<double*>(v.data()), {int64_t(v.size())}, at::kDouble).to(at::kFloat);
}

at::Tensor full_t(int64_t batch, int64_t t, c10::Device device) {
  return at::full({batch}, t, at::TensorOptions(at::kLong).device(device));
}

// A schedule buffer (kept in the CPU's memory) on the device of `t`.
at::Tensor on_device_of(const at::Tensor& buffer, const at::Tensor& t) {
  return buffer.device() == t.device() ? buffer : buffer.to(t.device());
}

}  // namespace

GaussianDiffusion::GaussianDiffusion(const GaussianDiffusionOptions& options)
    : options_(options), schedule_(make_diffusion_schedule(options.schedule(), options.timesteps())) {
  TORCH_CHECK(options_.objective() == "pred_noise" || options_.objective() == "pred_x0" ||
                  options_.objective() == "pred_v",
              "objective must be pred_noise, pred_x0 or pred_v, got '", options_.objective(), "'");
  betas = to_tensor(schedule_.betas);
  alphas_cumprod = to_tensor(schedule_.alphas_cumprod);
  alphas_cumprod_prev = to_tensor(schedule_.alphas_cumprod_prev);
  sqrt_alphas_cumprod = to_tensor(schedule_.sqrt_alphas_cumprod);
  sqrt_one_minus_alphas_cumprod = to_tensor(schedule_.sqrt_one_minus_alphas_cumprod);
  sqrt_recip_alphas_cumprod = to_tensor(schedule_.sqrt_recip_alphas_cumprod);
  sqrt_recipm1_alphas_cumprod = to_tensor(schedule_.sqrt_recipm1_alphas_cumprod);
  posterior_variance = to_tensor(schedule_.posterior_variance);
  posterior_log_variance_clipped = to_tensor(schedule_.posterior_log_variance_clipped);
  posterior_mean_coef1 = to_tensor(schedule_.posterior_mean_coef1);
  posterior_mean_coef2 = to_tensor(schedule_.posterior_mean_coef2);
}

// a[t] shaped (B, 1, 1, …) to broadcast over `like`.
at::Tensor GaussianDiffusion::extract(const at::Tensor& a, const at::Tensor& t, const at::Tensor& like) const {
  std::vector<int64_t> shape(size_t(like.dim()), 1);
  shape[0] = t.size(0);
  return on_device_of(a, t).index_select(0, t).view(shape);
}

at::Tensor GaussianDiffusion::q_sample(const at::Tensor& x0, const at::Tensor& t, const at::Tensor& noise) const {
  return extract(sqrt_alphas_cumprod, t, x0) * x0 + extract(sqrt_one_minus_alphas_cumprod, t, x0) * noise;
}

at::Tensor GaussianDiffusion::predict_start_from_noise(const at::Tensor& x_t, const at::Tensor& t,
                                                       const at::Tensor& noise) const {
  return extract(sqrt_recip_alphas_cumprod, t, x_t) * x_t - extract(sqrt_recipm1_alphas_cumprod, t, x_t) * noise;
}

at::Tensor GaussianDiffusion::predict_noise_from_start(const at::Tensor& x_t, const at::Tensor& t,
                                                       const at::Tensor& x0) const {
  return (extract(sqrt_recip_alphas_cumprod, t, x_t) * x_t - x0) / extract(sqrt_recipm1_alphas_cumprod, t, x_t);
}

at::Tensor GaussianDiffusion::predict_v(const at::Tensor& x0, const at::Tensor& t, const at::Tensor& noise) const {
  return extract(sqrt_alphas_cumprod, t, x0) * noise - extract(sqrt_one_minus_alphas_cumprod, t, x0) * x0;
}

at::Tensor GaussianDiffusion::predict_start_from_v(const at::Tensor& x_t, const at::Tensor& t,
                                                   const at::Tensor& v) const {
  return extract(sqrt_alphas_cumprod, t, x_t) * x_t - extract(sqrt_one_minus_alphas_cumprod, t, x_t) * v;
}

GaussianDiffusion::Posterior GaussianDiffusion::q_posterior(const at::Tensor& x0, const at::Tensor& x_t,
                                                            const at::Tensor& t) const {
  return {extract(posterior_mean_coef1, t, x_t) * x0 + extract(posterior_mean_coef2, t, x_t) * x_t,
          extract(posterior_variance, t, x_t), extract(posterior_log_variance_clipped, t, x_t)};
}

GaussianDiffusion::Predictions GaussianDiffusion::model_predictions(const Denoiser& model, const at::Tensor& x_t,
                                                                    const at::Tensor& t, bool clip) const {
  const auto out = model(x_t, t);
  TORCH_CHECK(out.sizes() == x_t.sizes(), "the denoiser returned ", out.sizes(), " for input ", x_t.sizes());
  const auto& objective = options_.objective();
  if (objective == "pred_noise") {
    auto x0 = predict_start_from_noise(x_t, t, out);
    if (!clip)
      return {out, x0};
    x0 = x0.clamp(-1, 1);
    return {predict_noise_from_start(x_t, t, x0), x0};
  }
  auto x0 = objective == "pred_x0" ? out : predict_start_from_v(x_t, t, out);
  if (clip)
    x0 = x0.clamp(-1, 1);
  return {predict_noise_from_start(x_t, t, x0), x0};
}

GaussianDiffusion::MeanVariance GaussianDiffusion::p_mean_variance(const Denoiser& model, const at::Tensor& x_t,
                                                                   const at::Tensor& t) const {
  const auto p = model_predictions(model, x_t, t, options_.clip_x0());
  const auto q = q_posterior(p.pred_x_start, x_t, t);
  return {q.mean, q.variance, q.log_variance, p.pred_x_start, p.pred_noise};
}

at::Tensor GaussianDiffusion::p_sample(const Denoiser& model, const at::Tensor& x_t, int64_t t, at::Generator& gen,
                                       DiffusionStep* report) const {
  const auto mv = p_mean_variance(model, x_t, full_t(x_t.size(0), t, x_t.device()));
  auto next = mv.mean;
  if (t > 0)
    next = next + (0.5 * mv.log_variance).exp() * randn_on(x_t.sizes(), gen, x_t.options());
  if (report)
    *report = {0, t, x_t, mv.x0, mv.eps, next};
  return next;
}

std::vector<int64_t> GaussianDiffusion::ddpm_timesteps() const { return ddpm_timesteps(timesteps() - 1); }

std::vector<int64_t> GaussianDiffusion::ddpm_timesteps(int64_t from) const {
  TORCH_CHECK(from >= 0 && from < timesteps(), "timestep ", from, " is outside 0..", timesteps() - 1);
  std::vector<int64_t> out;
  for (int64_t t = from; t >= 0; --t)
    out.push_back(t);
  return out;
}

std::vector<int64_t> GaussianDiffusion::ddim_timesteps(int64_t steps) const {
  return ddim_timesteps(steps, timesteps() - 1);
}

std::vector<int64_t> GaussianDiffusion::ddim_timesteps(int64_t steps, int64_t from) const {
  TORCH_CHECK(from >= 0 && from < timesteps(), "timestep ", from, " is outside 0..", timesteps() - 1);
  TORCH_CHECK(steps >= 1 && steps <= from + 1, "DDIM steps must be in 1..", from + 1, ", got ", steps);
  std::vector<int64_t> out;
  // linspace(−1, from, steps+1) in float32 exactly as torch computes it (the first half counts up
  // from the start, the second half down from the end), truncated toward zero, reversed, without −1.
  const float step = float(from + 1) / float(steps);
  const int64_t half = (steps + 1) / 2;
  for (int64_t j = steps; j >= 1; --j) {
    const float v = j < half ? -1.f + step * float(j) : float(from) - step * float(steps - j);
    out.push_back(int64_t(v));
  }
  return out;
}

at::Tensor GaussianDiffusion::p_sample_loop(const Denoiser& model, at::IntArrayRef shape, at::Generator& gen,
                                            const StepCallback& on_step) const {
  return denoise(model, at::randn(shape, gen, at::TensorOptions(at::kFloat)), ddpm_timesteps(), false, 0.0, gen,
                 on_step);
}

at::Tensor GaussianDiffusion::ddim_sample(const Denoiser& model, at::IntArrayRef shape, int64_t steps, double eta,
                                          at::Generator& gen, const StepCallback& on_step) const {
  TORCH_CHECK(eta >= 0 && eta <= 1 && std::isfinite(eta), "DDIM η must be in [0, 1], got ", eta);
  const auto times = ddim_timesteps(steps);
  return denoise(model, at::randn(shape, gen, at::TensorOptions(at::kFloat)), times, true, eta, gen, on_step);
}

at::Tensor GaussianDiffusion::denoise(const Denoiser& model, at::Tensor x, const std::vector<int64_t>& times,
                                      bool ddim, double eta, at::Generator& gen, const StepCallback& on_step,
                                      int64_t first_index) const {
  TORCH_CHECK(eta >= 0 && eta <= 1 && std::isfinite(eta), "DDIM η must be in [0, 1], got ", eta);
  for (size_t i = 0; i < times.size(); ++i) {
    const int64_t t = times[i], t_next = i + 1 < times.size() ? times[i + 1] : -1;
    TORCH_CHECK(t >= 0 && t < timesteps() && t_next < t, "timesteps must descend within 0..", timesteps() - 1);
    DiffusionStep step;
    if (!ddim) {
      TORCH_CHECK(t_next == t - 1 || i + 1 == times.size(), "DDPM steps must be consecutive, got ", t, " then ", t_next);
      step.next = p_sample(model, x, t, gen, &step);
    } else {
      const auto p = model_predictions(model, x, full_t(x.size(0), t, x.device()), options_.clip_x0());
      at::Tensor next;
      if (t_next < 0) {
        next = p.pred_x_start;
      } else {
        const double a = schedule_.alphas_cumprod[size_t(t)], a_next = schedule_.alphas_cumprod[size_t(t_next)];
        const double sigma = eta * std::sqrt((1 - a / a_next) * (1 - a_next) / (1 - a));
        const double c = std::sqrt(std::max(0.0, 1 - a_next - sigma * sigma));
        next = p.pred_x_start * std::sqrt(a_next) + c * p.pred_noise;
        if (sigma > 0)
          next = next + sigma * randn_on(x.sizes(), gen, x.options());
      }
      step = DiffusionStep{0, t, x, p.pred_x_start, p.pred_noise, next};
    }
    step.index = first_index + int64_t(i);
    x = step.next;
    if (on_step && !on_step(step))
      break;
  }
  return x;
}

at::Tensor GaussianDiffusion::loss(const Denoiser& model, const at::Tensor& whole, at::Generator& gen,
                                   bool antithetic, const std::function<at::Tensor(const at::Tensor&)>& share) const {
  const int64_t b = whole.size(0), T = timesteps();
  at::Tensor t;
  if (antithetic) {
    const auto half = at::randint(T, {b / 2 + b % 2}, gen, at::TensorOptions(at::kLong));
    t = at::cat({half, (T - 1) - half}).narrow(0, 0, b);
  } else {
    t = at::randint(T, {b}, gen, at::TensorOptions(at::kLong));
  }
  if (!whole.is_cpu())
    t = t.to(whole.device());
  at::Tensor noise = randn_on(whole.sizes(), gen, whole.options()), x0 = whole;
  if (share)
    t = share(t), noise = share(noise), x0 = share(whole);
  const auto out = model(q_sample(x0, t, noise), t);
  const auto& objective = options_.objective();
  const auto target = objective == "pred_noise" ? noise : objective == "pred_x0" ? x0 : predict_v(x0, t, noise);
  auto per_example = (out - target).pow(2).flatten(1).mean(1);
  const double gamma = options_.min_snr_gamma();
  if (objective != "pred_noise" || gamma > 0) {
    const auto ac = on_device_of(alphas_cumprod, t).index_select(0, t);
    const auto snr = ac / (1 - ac);
    // The x0-loss weight of each objective (ε: 1/SNR, x0: 1, v: 1/(SNR + 1)) times SNR, or min(SNR, γ).
    const auto w = gamma > 0 ? snr.clamp_max(gamma) : snr;
    per_example = per_example * (objective == "pred_noise" ? w / snr : objective == "pred_x0" ? w : w / (snr + 1));
  }
  return per_example.mean();
}

double GaussianDiffusion::held_out_loss(const Denoiser& model, const at::Tensor& x0, uint64_t seed,
                                        int64_t batch) const {
  return held_out_losses(model, x0, seed, 1, batch).mean;
}

GaussianDiffusion::HeldOutLoss GaussianDiffusion::held_out_losses(const Denoiser& model, const at::Tensor& x0, uint64_t seed,
                                                                  int64_t buckets, int64_t batch) const {
  return held_out_losses([&model](const at::Tensor& x, const at::Tensor& t, const at::Tensor&) { return model(x, t); }, x0,
                         {}, seed, buckets, batch);
}

GaussianDiffusion::HeldOutLoss GaussianDiffusion::held_out_losses(const ClassDenoiser& model, const at::Tensor& x0_in,
                                                                  const at::Tensor& labels, uint64_t seed, int64_t buckets,
                                                                  int64_t batch) const {
  TORCH_CHECK(!labels.defined() || (labels.dim() == 1 && labels.size(0) == x0_in.size(0)),
              "held-out labels must be one per example");
  TORCH_CHECK(x0_in.dim() >= 2 && x0_in.size(0) > 0, "held-out data must be a non-empty batch (N, …), got ",
              x0_in.sizes());
  TORCH_CHECK(batch >= 1, "evaluation batch must be at least 1, got ", batch);
  TORCH_CHECK(buckets >= 1 && buckets <= timesteps(), "timestep buckets must be 1 … T, got ", buckets);
  c10::InferenceMode guard;
  const auto x0 = x0_in.to(at::kFloat).contiguous();
  const int64_t n = x0.size(0), T = timesteps();
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  const auto t = randint_on(T, {n}, gen, x0.device());
  const auto noise = randn_on(x0.sizes(), gen, x0.options());
  auto sums = at::zeros({buckets}, at::TensorOptions(at::kDouble).device(x0.device()));
  const auto bucket_of = [&](const at::Tensor& steps) { return at::div(steps * buckets, T, "floor"); };  // integers
  double sum = 0;
  for (int64_t from = 0; from < n; from += batch) {
    const int64_t count = std::min(batch, n - from);
    const auto x = x0.narrow(0, from, count), tt = t.narrow(0, from, count), eps = noise.narrow(0, from, count);
    const auto lab = labels.defined() ? labels.narrow(0, from, count).to(x0.device()) : at::Tensor();
    const Denoiser told = [&model, &lab](const at::Tensor& xt, const at::Tensor& tt2) { return model(xt, tt2, lab); };
    const auto eps_hat = model_predictions(told, q_sample(x, tt, eps), tt, /*clip=*/false).pred_noise;
    const auto per_example = (eps_hat.to(at::kDouble) - eps.to(at::kDouble)).pow(2).flatten(1).sum(1);
    sum += per_example.sum().item<double>();
    sums.index_add_(0, bucket_of(tt), per_example);
  }
  HeldOutLoss out;
  out.mean = sum / double(x0.numel());
  const auto counts = at::bincount(bucket_of(t), {}, buckets).to(at::kDouble);
  const double per_example_values = double(x0.numel() / n);
  const auto host_counts = counts.cpu(), host_sums = sums.cpu();
  for (int64_t b = 0; b < buckets; ++b) {
    const double c = host_counts[b].item<double>();
    out.by_timestep.push_back(c > 0 ? host_sums[b].item<double>() / (c * per_example_values) : std::nan(""));
  }
  return out;
}

}  // namespace genlab
