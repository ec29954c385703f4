// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/adam.h"

#include "dist/data_parallel.h"
#include "io/trainer_state.h"

#include <ATen/ops/empty_like.h>
#include <ATen/ops/sqrt.h>
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
  denom_.resize(params_.size());
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

Adam::~Adam() { remove_hooks(); }

void Adam::remove_hooks() {
  for (size_t i = 0; i < hooks_.size(); ++i)
    params_[i].second.remove_hook(hooks_[i]);
  hooks_.clear();
  buckets_.clear();
  place_.clear();
}

void Adam::set_data_parallel(DataParallel* group, bool overlap) {
  remove_hooks();
  group_ = group;
  if (!group_ || !overlap || group_->world_size() == 1)
    return;
  // Small buckets, so the first ones are on their way while backward still has most layers to go.
  constexpr int64_t kBucketBytes = 1 << 20;
  place_.assign(params_.size(), {0, 0});
  int64_t bytes = 0;
  for (size_t k = params_.size(); k-- > 0;) {
    const int64_t size = int64_t(params_[k].second.nbytes());
    if (buckets_.empty() || (bytes > 0 && bytes + size > kBucketBytes)) {
      buckets_.emplace_back();
      bytes = 0;
    }
    place_[k] = {buckets_.size() - 1, buckets_.back().params.size()};
    buckets_.back().params.push_back(k);
    bytes += size;
  }
  for (auto& b : buckets_)
    b.grads.resize(b.params.size());
  for (size_t k = 0; k < params_.size(); ++k)
    hooks_.push_back(params_[k].second.register_hook([this, k](const at::Tensor& grad) { gradient_ready(k, grad); }));
}

void Adam::gradient_ready(size_t param, const at::Tensor& grad) {
  if (!grad.defined())
    return;
  auto& b = buckets_[place_[param].first];
  const size_t at = place_[param].second;
  TORCH_CHECK(!b.pending && !b.grads[at].defined(), "a parameter received a second gradient before the "
              "optimizer's step (the overlapped all-reduce expects one backward per step)");
  b.grads[at] = grad;
  if (++b.ready < b.params.size())
    return;
  b.sent.clear();
  for (size_t i = 0; i < b.params.size(); ++i)
    b.sent.push_back(i);
  b.pending = group_->start_mean(b.grads);  // a copy: the gradients themselves are let go
  std::fill(b.grads.begin(), b.grads.end(), at::Tensor());
  ++started_in_backward_;
}

void Adam::synchronize_overlapped() {
  // Buckets a parameter without a gradient kept from starting start now, with the gradients there
  // are (the same on every rank, and in the same order), then every average is waited for.
  for (auto& b : buckets_) {
    if (b.pending)
      continue;
    std::vector<at::Tensor> grads;
    b.sent.clear();
    for (size_t i = 0; i < b.params.size(); ++i) {
      const auto& g = b.grads[i].defined() ? b.grads[i] : params_[b.params[i]].second.grad();
      if (g.defined()) {
        b.sent.push_back(i);
        grads.push_back(g);
      }
    }
    if (!grads.empty())
      b.pending = group_->start_mean(grads);
  }
  for (auto& b : buckets_) {
    if (b.pending) {
      std::vector<at::Tensor> into;
      for (size_t i : b.sent)
        into.push_back(params_[b.params[i]].second.mutable_grad());
      std::static_pointer_cast<DataParallel::PendingMean>(b.pending)->finish(into);
    }
    b.pending.reset();
    b.ready = 0;
    std::fill(b.grads.begin(), b.grads.end(), at::Tensor());
  }
}

void Adam::synchronize_gradients() {
  if (!group_ || synchronized_)
    return;
  synchronized_ = true;
  if (!buckets_.empty()) {
    synchronize_overlapped();
    return;
  }
  std::vector<at::Tensor> grads;
  for (auto& [name, p] : params_)
    if (p.grad().defined())
      grads.push_back(p.mutable_grad());
  group_->all_reduce_mean(grads);
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
    auto& denom = denom_[i];
    if (!denom.defined() || denom.device() != v_[i].device())
      denom = at::empty_like(v_[i]);
    at::sqrt_out(denom, v_[i]).div_(std::sqrt(bc2)).add_(eps_);
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

Status Adam::check_state(const SafetensorsFile& file, const std::string& prefix) const {
  for (const auto& [name, param] : params_) {
    const auto a = file.find(prefix + name + ".exp_avg");
    const auto b = file.find(prefix + name + ".exp_avg_sq");
    if (!a.defined() || !b.defined() || a.sizes() != param.sizes() || b.sizes() != param.sizes() ||
        a.scalar_type() != param.scalar_type() || b.scalar_type() != param.scalar_type())
      return {"Adam state for '" + prefix + name + "' missing or of the wrong shape"};
    if (Status finite = check_finite(a, prefix + name + ".exp_avg"); !finite.ok())
      return finite;
    if (Status finite = check_finite(b, prefix + name + ".exp_avg_sq", /*non_negative=*/true); !finite.ok())
      return finite;
  }
  return {};
}

Status Adam::load_state(const SafetensorsFile& file, const std::string& prefix, int64_t steps) {
  if (Status checked = check_state(file, prefix); !checked.ok())
    return checked;
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < params_.size(); ++i) {
    m_[i].copy_(file.find(prefix + params_[i].first + ".exp_avg"));
    v_[i].copy_(file.find(prefix + params_[i].first + ".exp_avg_sq"));
  }
  step_ = steps;
  return {};
}

}  // namespace genlab
