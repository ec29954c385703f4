// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/ema.h"

#include "nn/adam.h"

#include <torch/utils.h>

#include <cmath>

namespace genlab {

void ema_init(torch::nn::Module& dst, torch::nn::Module& src) {
  torch::NoGradGuard no_grad;
  const auto d = dst.parameters(), s = src.parameters();
  for (size_t i = 0; i < d.size(); ++i) {
    d[i].copy_(s[i]);
    d[i].requires_grad_(false);
  }
  const auto db = dst.buffers(), sb = src.buffers();
  for (size_t i = 0; i < db.size(); ++i)
    db[i].copy_(sb[i]);
}

void ema_update(torch::nn::Module& dst, torch::nn::Module& src, double decay) {
  torch::NoGradGuard no_grad;
  const auto d = dst.parameters(), s = src.parameters();
  for (size_t i = 0; i < d.size(); ++i)
    d[i].mul_(decay).add_(s[i], 1.0 - decay);
  const auto db = dst.buffers(), sb = src.buffers();
  for (size_t i = 0; i < db.size(); ++i)
    db[i].copy_(sb[i]);
}

double clip_grad_norm(torch::nn::Module& m, double max_norm) {
  torch::NoGradGuard no_grad;
  double sq = 0;
  for (const auto& p : m.parameters())
    if (p.grad().defined())
      sq += p.grad().pow(2).sum().item<double>();
  const double norm = std::sqrt(sq);
  if (norm > max_norm)
    for (auto& p : m.parameters())
      if (p.grad().defined())
        p.mutable_grad().mul_(max_norm / (norm + 1e-6));
  return norm;
}

double clipped_step_with_ema(const at::Tensor& loss, torch::nn::Module& model, Adam& adam, torch::nn::Module& ema,
                             double decay) {
  adam.zero_grad();
  loss.backward();
  adam.synchronize_gradients();  // data-parallel: clip the average, as one process would
  adam.step(clip_grad_norm(model, 1.0));  // the norm before clipping: what the chart shows
  ema_update(ema, model, decay);
  return loss.item<double>();
}

}  // namespace genlab
