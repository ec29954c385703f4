// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/safetensors.h"

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <string>
#include <vector>

namespace genlab {

class DataParallel;

/// What an optimizer did in its last step (the Train page's gradient and learning-rate curves).
struct OptimizerReading {
  std::string name;  ///< "" for a model's only optimizer, else what it trains ("generator" …)
  double grad_norm = 0;
  double lr = 0;
};

/// Adam exactly as torch.optim.Adam (no weight decay, no amsgrad), over named parameters, with
/// its state readable and writable by name — what an exact resume needs.
class Adam {
 public:
  Adam(std::vector<std::pair<std::string, at::Tensor>> params, double lr, double beta1 = 0.9,
       double beta2 = 0.999, double eps = 1e-8);

  void zero_grad();
  /// Moves the moments to `device` (where the parameters now are).
  void to(c10::Device device);
  ~Adam();
  Adam(const Adam&) = delete;
  Adam& operator=(const Adam&) = delete;

  /// Data-parallel training: the gradients are averaged over the ranks before each step. With
  /// `overlap` (for trainers whose parameters each get their gradient from one backward per step),
  /// a hook on each parameter starts its bucket's average as soon as backward has made the
  /// bucket's last gradient, so the exchange runs while backward goes on with earlier layers;
  /// synchronize_gradients waits for what is still under way. The gradients must be zero or
  /// undefined before backward (zero_grad): the average is of what that backward made.
  void set_data_parallel(DataParallel* group, bool overlap = false);
  /// How many buckets started their average during backward, over the optimizer's life.
  int64_t buckets_started_in_backward() const { return started_in_backward_; }
  /// Averages the gradients over the ranks now (a caller that clips them does this first);
  /// step() does it otherwise. Once per step; nothing without a group.
  void synchronize_gradients();
  /// One update from each parameter's .grad() (parameters without a gradient are skipped).
  /// `grad_norm`: the gradients' norm when the caller knows it (measured before clipping them);
  /// negative: measured here.
  void step(double grad_norm = -1);
  int64_t steps() const { return step_; }
  /// Changes the learning rate for the steps that follow (a schedule).
  void set_lr(double lr) { lr_ = lr; }
  /// The rate of the last step (and of the next, unless set_lr changes it).
  double lr() const { return lr_; }
  /// The L2 norm of all gradients of the last step, as one vector (0 before the first step).
  double grad_norm() const { return grad_norm_; }

  /// "<prefix><name>.exp_avg" and "<prefix><name>.exp_avg_sq" for every parameter.
  NamedTensors state(const std::string& prefix) const;
  /// ok() when `file` holds a state for these parameters, else what is missing.
  Status check_state(const SafetensorsFile& file, const std::string& prefix) const;
  /// Reads what state() wrote (and the step count); ok() or an error naming the missing tensor.
  Status load_state(const SafetensorsFile& file, const std::string& prefix, int64_t steps);

 private:
  /// A parameter's gradient as backward made it (the overlap's hook).
  void gradient_ready(size_t param, const at::Tensor& grad);
  void synchronize_overlapped();
  void remove_hooks();

  /// Consecutive parameters, from the last (backward reaches it first) to the first, up to a size.
  struct Bucket {
    std::vector<size_t> params;
    std::vector<at::Tensor> grads;  ///< as the hooks received them, by position in `params`
    size_t ready = 0;
    std::vector<size_t> sent;  ///< the positions whose gradients the average was started with
    std::shared_ptr<void> pending;  ///< a DataParallel::PendingMean under way
  };
  std::vector<Bucket> buckets_;
  std::vector<std::pair<size_t, size_t>> place_;  ///< parameter → (bucket, position)
  std::vector<unsigned> hooks_;
  int64_t started_in_backward_ = 0;

  std::vector<std::pair<std::string, at::Tensor>> params_;
  std::vector<at::Tensor> m_, v_;
  /// Each step's denominator √v̂ + ε, kept: a fresh tensor per step costs an allocation and page
  /// faults, a noticeable share of a small model's step (the VAE's).
  std::vector<at::Tensor> denom_;
  double lr_, beta1_, beta2_, eps_;
  int64_t step_ = 0;
  double grad_norm_ = 0;
  DataParallel* group_ = nullptr;
  bool synchronized_ = false;
};

}  // namespace genlab
