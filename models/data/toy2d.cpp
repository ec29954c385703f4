// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/toy2d.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/TensorOperators.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/cos.h>
#include <ATen/ops/randint.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/sin.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/zeros.h>

#include <cmath>

namespace genlab {

const std::vector<std::string>& toy2d_names() {
  static const std::vector<std::string> names{"s-curve", "swiss-roll", "moons", "8-gaussians", "rings"};
  return names;
}

const std::vector<std::string>& toy2d_classes(const std::string& name) {
  static const std::vector<std::string> none, moons{"upper moon", "lower moon"},
      gaussians{"east", "north-east", "north", "north-west", "west", "south-west", "south", "south-east"},
      rings{"inner ring", "middle ring", "outer ring"};
  return name == "moons" ? moons : name == "8-gaussians" ? gaussians : name == "rings" ? rings : none;
}

at::Tensor make_toy2d(const std::string& name, int64_t n, uint64_t seed) { return make_toy2d_labelled(name, n, seed).points; }

Toy2d make_toy2d_labelled(const std::string& name, int64_t n, uint64_t seed) {
  TORCH_CHECK(n >= 1 && n <= 10000000, "toy 2-D set size must be in 1..10,000,000, got ", n);
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  const auto opts = at::TensorOptions(at::kFloat);
  const auto uniform = [&](int64_t m) { return at::rand({m}, gen, opts); };
  const auto normal = [&](int64_t m) { return at::randn({m}, gen, opts); };
  if (name == "s-curve") {
    // t = 3π(u − ½); (sin t, 2v, sign(t)(cos t − 1)) + 0.1·noise; seed 002 keeps x and z, ÷ 10.
    const auto t = (uniform(n) - 0.5) * (3 * M_PI);
    const auto x = t.sin() + 0.1 * normal(n);
    const auto z = t.sign() * (t.cos() - 1) + 0.1 * normal(n);
    return {at::stack({x, z}, 1) / 10, at::zeros({n}, at::kLong)};
  }
  if (name == "swiss-roll") {
    // t from 1.5π to 4.5π, radius t: (t cos t, t sin t) + noise, scaled into about ±1.
    const auto t = (1 + 2 * uniform(n)) * (1.5 * M_PI);
    const auto x = t * t.cos() + 0.5 * normal(n), y = t * t.sin() + 0.5 * normal(n);
    return {at::stack({x, y}, 1) / 15, at::zeros({n}, at::kLong)};
  }
  if (name == "moons") {
    // Two interleaved half circles of radius 1 (sklearn's make_moons), noise 0.05.
    const auto part = at::randint(0, 2, {n}, gen, at::TensorOptions(at::kLong));
    const auto upper = part.to(at::kFloat);
    const auto a = uniform(n) * M_PI;
    const auto x = upper * a.cos() + (1 - upper) * (1 - a.cos());
    const auto y = upper * a.sin() + (1 - upper) * (0.5 - a.sin());
    return {at::stack({x + 0.05 * normal(n), y + 0.05 * normal(n)}, 1), 1 - part};  // class 0: the upper moon
  }
  if (name == "8-gaussians") {
    // Eight Gaussians (σ = 0.05) at angles k·45° on the circle of radius 1.
    const auto part = at::randint(0, 8, {n}, gen, at::TensorOptions(at::kLong));
    const auto a = part.to(at::kFloat) * (M_PI / 4);
    return {at::stack({a.cos() + 0.05 * normal(n), a.sin() + 0.05 * normal(n)}, 1), part};
  }
  if (name == "rings") {
    // Three concentric rings of radius 1/3, 2/3 and 1, radial noise σ = 0.02.
    const auto part = at::randint(1, 4, {n}, gen, at::TensorOptions(at::kLong));
    const auto a = uniform(n) * (2 * M_PI);
    const auto r = part.to(at::kFloat) / 3 + 0.02 * normal(n);
    return {at::stack({r * a.cos(), r * a.sin()}, 1), part - 1};
  }
  std::string choices;
  for (const auto& s : toy2d_names())
    choices += (choices.empty() ? "" : ", ") + s;
  TORCH_CHECK(false, "unknown toy 2-D set '", name, "' (", choices, ")");
}

}  // namespace genlab
