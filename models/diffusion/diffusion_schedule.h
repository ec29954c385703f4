// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace genlab {

/// The noise schedule of a Gaussian diffusion model and every coefficient derived from it, in
/// float64, per timestep t = 0 … T−1, under the names of Ho et al. 2020 (DDPM) as the
/// denoising-diffusion-pytorch code of seed 000 uses them.
struct DiffusionSchedule {
  std::string kind;
  int64_t timesteps = 0;
  std::vector<double> betas;
  std::vector<double> alphas_cumprod;                  ///< ᾱ_t = Π_{s≤t} (1 − β_s)
  std::vector<double> alphas_cumprod_prev;             ///< ᾱ_{t−1}, with ᾱ_{−1} = 1
  std::vector<double> sqrt_alphas_cumprod;
  std::vector<double> sqrt_one_minus_alphas_cumprod;
  std::vector<double> sqrt_recip_alphas_cumprod;       ///< √(1/ᾱ_t)
  std::vector<double> sqrt_recipm1_alphas_cumprod;     ///< √(1/ᾱ_t − 1)
  std::vector<double> posterior_variance;              ///< β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t)
  std::vector<double> posterior_log_variance_clipped;  ///< log max(posterior_variance, 1e-20)
  std::vector<double> posterior_mean_coef1;            ///< β_t √ᾱ_{t−1} / (1 − ᾱ_t)
  std::vector<double> posterior_mean_coef2;            ///< (1 − ᾱ_{t−1}) √α_t / (1 − ᾱ_t)

  /// The buffer names above, in this order (the CSV columns of `genlab-cli schedule`).
  static const std::vector<std::string>& buffer_names();
  /// The buffer of that name; throws c10::Error for another name.
  const std::vector<double>& buffer(const std::string& name) const;
};

/// The schedules: "linear" (Ho et al. 2020 as seed 000 writes it: scale = 1000/T, β from
/// 1e-4·scale to 2e-2·scale), "cosine" (Nichol & Dhariwal 2021, s = 0.008, β ≤ 0.999),
/// "sigmoid" (Jabri et al. 2022, start −3, end 3, τ = 1, β ≤ 0.999), and "toy" (seed 002's
/// sigmoid(linspace(−6, 6, T)) · (0.5e-2 − 1e-5) + 1e-5). T in 1 … 100,000 (linear: T > 20, else some
/// β ≥ 1); anything else is refused
/// with a c10::Error that names the choices.
DiffusionSchedule make_diffusion_schedule(const std::string& kind, int64_t timesteps);

}  // namespace genlab
