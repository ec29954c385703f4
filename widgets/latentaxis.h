// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// How a slider position becomes a latent value: through the inverse Gaussian CDF, so that equal
/// slider travel covers equal prior probability mass (the middle of N(0,1) gets most travel).
namespace LatentAxis {

/// Φ(x), the standard normal CDF.
double normalCdf(double x);
/// Φ⁻¹(p) for p in (0, 1); accurate to ~1e-9 (Acklam's rational approximation + one Newton step).
double normalQuantile(double p);

/// Latent value for `fraction` in [0, 1] of the way along an axis spanning ±`sigmas`.
double fractionToLatent(double fraction, double sigmas = 3.0);
/// The inverse: where on the axis (0..1) the latent value `z` sits (clamped to the span).
double latentToFraction(double z, double sigmas = 3.0);

}  // namespace LatentAxis
