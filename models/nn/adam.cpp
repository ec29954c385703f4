// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/adam.h"

#include "dist/data_parallel.h"
#include "io/trainer_state.h"

#include <ATen/ops/stack.h>
#include <ATen/ops/zeros_like.h>
#include <torch/utils.h>

#include <cmath>

namespace genlab {

Adam::Adam(std::vector<std::pair<std::string, at::Tensor>> params, double lr, double beta1, double beta2, double eps)
    : params_(std::move(params)), lr_(lr), beta1_(beta1), beta2_(beta2), eps_(eps) {
  TORCH_CHECK(std::isfinite(lr) && lr > 0 && lr <= 1, "learning rate must be in (0, 1], got ", lr);
  TORCH_CHECK(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "Adam betas must be in [0, 1), got ", beta1,
              " and ", beta2);
  for (const auto& [name, p] : params_) {
    m_.push_back(at::zeros_like(p));
    v_.push_back(at::zeros_like(p));
  }
}

void Adam::to(c10::Device device) {
  for (auto& m : m_)
    m = m.to(device);
  for (auto& v : v_)
    v = v.to(device);
}

void Adam::zero_grad() {
  for (auto& [name, p] : params_)
    if (p.grad().defined())
      p.mutable_grad().zero_();
}

void Adam::synchronize_gradients() {
  if (!group_ || synchronized_)
    return;
  std::vector<at::Tensor> grads;
  for (auto& [name, p] : params_)
    if (p.grad().defined())
      grads.push_back(p.mutable_grad());
  group_->all_reduce_mean(grads);
  synchronized_ = true;
}

void Adam::step(double grad_norm) {
  torch::NoGradGuard no_grad;
  synchronize_gradients();
  synchronized_ = false;  // the next step's gradients are averaged afresh
  ++step_;
  if (grad_norm < 0) {
    // One reduction per parameter, one read-out for all of them.
    std::vector<at::Tensor> norms;
    norms.reserve(params_.size());
    for (const auto& [name, p] : params_)
      if (p.grad().defined())
        norms.push_back(p.grad().norm().to(at::kDouble));
    grad_norm = norms.empty() ? 0.0 : at::stack(norms).norm().item<double>();
  }
  grad_norm_ = grad_norm;
  const double bc1 = 1 - std::pow(beta1_, double(step_));
  const double bc2 = 1 - std::pow(beta2_, double(step_));
  for (size_t i = 0; i < params_.size(); ++i) {
    auto& p = params_[i].second;
    const auto& g = p.grad();
    if (!g.defined())
      continue;
    m_[i].mul_(beta1_).add_(g, 1 - beta1_);
    v_[i].mul_(beta2_).addcmul_(g, g, 1 - beta2_);
    const auto denom = (v_[i].sqrt() / std::sqrt(bc2)).add_(eps_);
    p.addcdiv_(m_[i], denom, -lr_ / bc1);
  }
}

NamedTensors Adam::state(const std::string& prefix) const {
  NamedTensors out;
  for (size_t i = 0; i < params_.size(); ++i) {
    out.emplace_back(prefix + params_[i].first + ".exp_avg", m_[i]);
    out.emplace_back(prefix + params_[i].first + ".exp_avg_sq", v_[i]);
  }
  return out;
}

std::string Adam::check_state(const SafetensorsFile& file, const std::string& prefix) const {
  for (const auto& [name, param] : params_) {
    const auto a = file.find(prefix + name + ".exp_avg");
    const auto b = file.find(prefix + name + ".exp_avg_sq");
    if (!a.defined() || !b.defined() || a.sizes() != param.sizes() || b.sizes() != param.sizes() ||
        a.scalar_type() != param.scalar_type() || b.scalar_type() != param.scalar_type())
      return "Adam state for '" + prefix + name + "' missing or of the wrong shape";
    if (auto err = check_finite(a, prefix + name + ".exp_avg"); !err.empty())
      return err;
    if (auto err = check_finite(b, prefix + name + ".exp_avg_sq", /*non_negative=*/true); !err.empty())
      return err;
  }
  return {};
}

std::string Adam::load_state(const SafetensorsFile& file, const std::string& prefix, int64_t steps) {
  if (auto err = check_state(file, prefix); !err.empty())
    return err;
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < params_.size(); ++i) {
    m_[i].copy_(file.find(prefix + params_[i].first + ".exp_avg"));
    v_[i].copy_(file.find(prefix + params_[i].first + ".exp_avg_sq"));
  }
  step_ = steps;
  return {};
}

}  // namespace genlab
