// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/diffusion_trainer.h"

#include "io/numbers.h"
#include "nn/ema.h"

#include <ATen/ops/rand.h>

#include <cmath>
#include <functional>

namespace genlab {

DiffusionTrainer::DiffusionTrainer(at::Tensor examples, int64_t batch_size, uint64_t seed, std::string format,
                                   const GaussianDiffusionOptions& process, double lr, double ema_decay)
    : BatchTrainer(std::move(examples), batch_size, seed, std::move(format)),
      diffusion_(process),
      lr_(lr),
      ema_decay_(ema_decay) {}

void DiffusionTrainer::check_rates(double lr, double ema_decay) {
  TORCH_CHECK(std::isfinite(lr) && lr > 0 && lr <= 1, "learning rate must be in (0, 1], got ", lr);
  TORCH_CHECK(ema_decay >= 0 && ema_decay < 1, "EMA decay must be in [0, 1), got ", ema_decay);
}

void DiffusionTrainer::train_networks(torch::nn::Module& model, torch::nn::Module& ema) {
  TORCH_CHECK(!adam_, "train_networks: the networks are already set");
  trained_ = &model;
  averaged_ = &ema;
  ema_init(ema, model);
  adam_ = std::make_unique<Adam>(parameters_of(model), lr_);
  save_module("model.", &model);
  save_module("ema.", &ema);
  save_optimizer("adam.", adam_.get());
  overlap_all_reduce_ = true;  // one backward per step
}

double DiffusionTrainer::train_step(const Denoiser& net, bool antithetic, Precision precision, const char* what) {
  return train_step([&net](const at::Tensor& x, const at::Tensor& t, const at::Tensor&) { return net(x, t); }, {}, 0, 0,
                    antithetic, precision, what);
}

double DiffusionTrainer::train_step(const ClassDenoiser& class_net, const at::Tensor& labels, double drop,
                                   int64_t no_class, bool antithetic, Precision precision, const char* what) {
  adam_->set_lr(lr_at(steps_done()));
  at::Tensor told;  // this rank's images' classes, some dropped
  if (labels.defined()) {
    told = labels.index_select(0, next_whole_batch_indices());
    if (drop > 0)
      told = told.masked_fill(at::rand({told.size(0)}, rng_, c10::nullopt, at::TensorOptions(at::kFloat)) < drop, no_class);
    told = on_device(shard(told));
  }
  const Denoiser net = [&class_net, &told](const at::Tensor& x, const at::Tensor& t) { return class_net(x, t, told); };
  // Data-parallel: the whole batch's draws, this rank's rows (the same numbers as one process).
  const auto x0 = data_parallel() ? next_whole_batch() : next_batch();
  const auto share = [this](const at::Tensor& whole) { return shard(whole); };
  at::Tensor loss;
  {
    PrecisionScope scope(precision, device());  // the forward pass; backward follows its casts
    loss = diffusion_.loss(net, x0, rng_, antithetic,
                           data_parallel() ? std::function<at::Tensor(const at::Tensor&)>(share) : nullptr);
  }
  const double l = mean_over_ranks(clipped_step_with_ema(loss, *trained_, *adam_, *averaged_, ema_decay_));
  TORCH_CHECK(std::isfinite(l), "the ", what, " loss became ", non_finite_name(l), " at step ", steps_done(),
              " (learning rate ", lr_, " too high?)");
  end_step();
  return l;
}

}  // namespace genlab
