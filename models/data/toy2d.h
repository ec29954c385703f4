// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

namespace genlab {

/// The 2-D point clouds of the toy diffusion model (seed 002) and the usual friends.
/// Names: "s-curve" (seed 002: sklearn's make_s_curve with noise 0.1, columns 0 and 2, ÷ 10),
/// "swiss-roll", "moons", "8-gaussians", "rings".
const std::vector<std::string>& toy2d_names();

/// `n` points (n, 2) float of the named set, drawn with `seed` (the same points on every machine).
/// Unknown names and n < 1 are refused with a c10::Error naming the choices.
at::Tensor make_toy2d(const std::string& name, int64_t n, uint64_t seed);

/// Points and, for the sets made of parts, which part each came from.
struct Toy2d {
  at::Tensor points;  ///< (n, 2) float
  at::Tensor labels;  ///< (n) int64: the component (toy2d_classes' order); zeros for a set of one piece
};
/// The same points as make_toy2d(name, n, seed), with their components.
Toy2d make_toy2d_labelled(const std::string& name, int64_t n, uint64_t seed);

/// The names of a set's components, one class each: "moons" the upper and the lower moon, "8-gaussians"
/// the eight directions from east anticlockwise, "rings" inner to outer; empty for a set of one piece.
const std::vector<std::string>& toy2d_classes(const std::string& name);

}  // namespace genlab
