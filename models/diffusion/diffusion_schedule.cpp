// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/diffusion_schedule.h"

#include <c10/util/Exception.h>

#include <algorithm>
#include <cmath>

namespace genlab {
namespace {

constexpr double kPi = 3.14159265358979323846;

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// n evenly spaced values from a to b inclusive, as torch.linspace computes them in float64.
std::vector<double> linspace(double a, double b, int64_t n) {
  std::vector<double> v(static_cast<size_t>(n));
  const double step = n > 1 ? (b - a) / double(n - 1) : 0.0;
  const int64_t half = n / 2;
  for (int64_t i = 0; i < n; ++i)  // torch fills the second half backwards from the end
    v[size_t(i)] = i < half ? a + step * double(i) : b - step * double(n - 1 - i);
  return v;
}

// β_t = 1 − ᾱ(t+1)/ᾱ(t) for a continuous ᾱ sampled at T+1 points, clipped to 0.999.
std::vector<double> betas_from_alpha_bar(const std::vector<double>& f) {
  std::vector<double> betas(f.size() - 1);
  for (size_t i = 0; i + 1 < f.size(); ++i)
    betas[i] = std::clamp(1.0 - (f[i + 1] / f[0]) / (f[i] / f[0]), 0.0, 0.999);
  return betas;
}

std::vector<double> make_betas(const std::string& kind, int64_t T) {
  if (kind == "linear") {
    // β_T−1 = 20/T: at T ≤ 20 some β ≥ 1 and ᾱ reaches 0 or goes negative.
    TORCH_CHECK(T > 20, "the linear schedule (scale 1000/T) needs T > 20: at T = ", T, " β reaches ",
                20.0 / double(T), "; use the cosine or sigmoid schedule for so few steps");
    const double scale = 1000.0 / double(T);
    return linspace(scale * 1e-4, scale * 2e-2, T);
  }
  if (kind == "cosine") {
    const double s = 0.008;
    std::vector<double> f = linspace(0, double(T), T + 1);
    for (double& t : f) {
      const double c = std::cos((t / double(T) + s) / (1 + s) * kPi * 0.5);
      t = c * c;
    }
    return betas_from_alpha_bar(f);
  }
  if (kind == "sigmoid") {
    const double start = -3, end = 3, tau = 1;
    const double v_start = sigmoid(start / tau), v_end = sigmoid(end / tau);
    std::vector<double> f = linspace(0, double(T), T + 1);
    for (double& t : f)
      t = (-sigmoid(((t / double(T)) * (end - start) + start) / tau) + v_end) / (v_end - v_start);
    return betas_from_alpha_bar(f);
  }
  if (kind == "toy") {
    std::vector<double> b = linspace(-6, 6, T);
    for (double& x : b)
      x = sigmoid(x) * (0.5e-2 - 1e-5) + 1e-5;
    return b;
  }
  TORCH_CHECK(false, "unknown beta schedule '", kind, "' (linear, cosine, sigmoid or toy)");
}

}  // namespace

const std::vector<std::string>& DiffusionSchedule::buffer_names() {
  static const std::vector<std::string> names{
      "betas", "alphas_cumprod", "alphas_cumprod_prev", "sqrt_alphas_cumprod", "sqrt_one_minus_alphas_cumprod",
      "sqrt_recip_alphas_cumprod", "sqrt_recipm1_alphas_cumprod", "posterior_variance",
      "posterior_log_variance_clipped", "posterior_mean_coef1", "posterior_mean_coef2"};
  return names;
}

const std::vector<double>& DiffusionSchedule::buffer(const std::string& name) const {
  const std::vector<const std::vector<double>*> all{
      &betas, &alphas_cumprod, &alphas_cumprod_prev, &sqrt_alphas_cumprod, &sqrt_one_minus_alphas_cumprod,
      &sqrt_recip_alphas_cumprod, &sqrt_recipm1_alphas_cumprod, &posterior_variance,
      &posterior_log_variance_clipped, &posterior_mean_coef1, &posterior_mean_coef2};
  const auto& names = buffer_names();
  const auto it = std::find(names.begin(), names.end(), name);
  TORCH_CHECK(it != names.end(), "no diffusion buffer named '", name, "'");
  return *all[size_t(it - names.begin())];
}

DiffusionSchedule make_diffusion_schedule(const std::string& kind, int64_t T) {
  TORCH_CHECK(T >= 1 && T <= 100000, "timesteps must be in 1..100000, got ", T);
  DiffusionSchedule d;
  d.kind = kind;
  d.timesteps = T;
  d.betas = make_betas(kind, T);
  double prod = 1.0;
  for (int64_t t = 0; t < T; ++t) {
    const double beta = d.betas[size_t(t)], alpha = 1.0 - beta, prev = prod;
    prod *= alpha;
    d.alphas_cumprod.push_back(prod);
    d.alphas_cumprod_prev.push_back(prev);
    d.sqrt_alphas_cumprod.push_back(std::sqrt(prod));
    d.sqrt_one_minus_alphas_cumprod.push_back(std::sqrt(1.0 - prod));
    d.sqrt_recip_alphas_cumprod.push_back(std::sqrt(1.0 / prod));
    d.sqrt_recipm1_alphas_cumprod.push_back(std::sqrt(1.0 / prod - 1.0));
    const double var = beta * (1.0 - prev) / (1.0 - prod);
    d.posterior_variance.push_back(var);
    d.posterior_log_variance_clipped.push_back(std::log(std::max(var, 1e-20)));
    d.posterior_mean_coef1.push_back(beta * std::sqrt(prev) / (1.0 - prod));
    d.posterior_mean_coef2.push_back((1.0 - prev) * std::sqrt(alpha) / (1.0 - prod));
  }
  return d;
}

}  // namespace genlab
