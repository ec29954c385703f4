// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nn/adam.h"

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <torch/nn/module.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace genlab {

class DataParallel;

/// What the trainers (VAE, conv VAE, DCGAN, diffusion, pixel and toy models) share: examples held
/// in memory, one seeded RNG for data order and noise, shuffled epochs of batches, the step
/// counters, and checkpoints of their named modules and Adam optimizers that resume exactly.
class BatchTrainer {
 public:
  virtual ~BatchTrainer() = default;

  int64_t steps_per_epoch() const;
  /// Steps taken (the first optimizer's count).
  int64_t steps_done() const;
  int64_t epoch() const { return epoch_; }
  int64_t batch_in_epoch() const { return batch_in_epoch_; }

  /// From now on the learning rates follow a half cosine from their set value down to 1/100 of it
  /// over the first `steps` steps of the run, then stay there (0: constant). A function of the step
  /// count only, so a resumed run takes the same rates.
  void set_lr_decay(int64_t steps) { decay_steps_ = steps; }
  /// The rate of step `step` (0-based) for an optimizer set to `lr`, under set_lr_decay.
  double decayed_lr(double lr, int64_t step) const;

  /// Trains on `device`: moves the registered modules and optimizers there. The examples stay in
  /// the CPU's memory and each batch is copied over; noise is drawn from the run's CPU generator
  /// (randn_on), so a run draws the same numbers on every device. Call after registering them and
  /// before the first step (gradients already made stay where they are). A trainer that keeps
  /// tensors of its own beside them moves those in an override that calls this first.
  virtual void set_device(c10::Device device);
  c10::Device device() const { return device_; }

  /// Data-parallel training: every rank draws the same batches (the same seed) and trains on its
  /// share, rows rank·share … of each (rank_rows); the optimizers average the gradients over the
  /// ranks. The batch size is the whole batch and, with drop_last, must divide by the number of
  /// ranks. Rank 0's weights are copied to the others. Call after the modules and optimizers are
  /// registered.
  void set_data_parallel(std::shared_ptr<DataParallel> group);
  DataParallel* data_parallel() const { return group_.get(); }
  /// This rank's rows of a draw made for the whole batch (all of it without a group).
  at::Tensor shard(const at::Tensor& whole) const;
  /// Where this rank's rows of a whole batch of `rows` are: the first and how many. Shares of
  /// ⌈rows / ranks⌉, in rank order, so the last ranks take fewer when the ranks do not divide rows.
  std::pair<int64_t, int64_t> rank_rows(int64_t rows) const;
  /// The mean over the ranks of a number each computed on its share (a loss to report).
  double mean_over_ranks(double value) const;

  /// What each optimizer did in the last step, in the order they were registered (named by its
  /// prefix without "adam" and the dots: "" or "discriminator", "generator").
  std::vector<OptimizerReading> optimizer_readings() const;

  /// Weights ("<module prefix><name>", parameters and buffers) with `metadata` to `weights_path`;
  /// optimizer moments, data order, RNG state and counters to `state_path`. Both are written
  /// atomically and record the step, so a pair from different moments is recognised. ok() or an
  /// error.
  Status save_checkpoint(const std::string& weights_path, const std::string& state_path,
                         const std::map<std::string, std::string>& metadata = {});
  /// Reads a pair written by save_checkpoint for the same trainer, model and data; ok() or an
  /// error naming the file and what does not match. Nothing changes unless everything fits.
  Status load_checkpoint(const std::string& weights_path, const std::string& state_path);
  /// What the last load_checkpoint has to say besides ok (the previous state used): "" when nothing.
  const std::string& load_note() const { return load_note_; }

 protected:
  /// `examples`: (N, …); `format` names the trainer in the state file. With `drop_last` (as
  /// PyTorch's DataLoader) an epoch is the whole batches the examples fill; without, it ends with
  /// a smaller batch of the examples left over.
  BatchTrainer(at::Tensor examples, int64_t batch_size, uint64_t seed, std::string format,
               bool drop_last = true);

  /// Registers a module whose parameters and buffers are saved under `prefix`.
  void save_module(std::string prefix, torch::nn::Module* module);
  /// Registers an optimizer whose state is saved under `prefix` ("<prefix><parameter>.exp_avg" …);
  /// the first one counts the steps.
  void save_optimizer(std::string prefix, Adam* adam);

  /// The next batch of this epoch's shuffled order (a new order when an epoch starts); with a
  /// data-parallel group, this rank's share of it.
  at::Tensor next_batch();
  /// The next batch whole, every rank's share (for draws that must match one process's: shard()).
  at::Tensor next_whole_batch();
  /// The indices of the examples next_batch() returns (to pick their labels too).
  at::Tensor next_batch_indices();
  /// The indices of the examples next_whole_batch() returns.
  at::Tensor next_whole_batch_indices();
  /// `t` on the training device.
  at::Tensor on_device(const at::Tensor& t) const { return device_.is_cpu() ? t : t.to(device_); }
  /// Called once the step's updates are done: moves on, and on to a new epoch at its end.
  void end_step();

  /// Parameters of a module by name, for an Adam.
  static std::vector<std::pair<std::string, at::Tensor>> parameters_of(torch::nn::Module& m);

  at::Tensor examples_;
  int64_t batch_size_;
  /// Data-parallel: a trainer whose parameters get their gradient from one backward per step sets
  /// this, and the optimizers average each bucket while backward goes on (Adam::set_data_parallel).
  bool overlap_all_reduce_ = false;
  at::Generator rng_;

 private:
  std::string format_;
  bool drop_last_;
  std::vector<std::pair<std::string, torch::nn::Module*>> modules_;
  std::vector<std::pair<std::string, Adam*>> optimizers_;
  at::Tensor order_;
  int64_t epoch_ = 0, batch_in_epoch_ = 0;
  int64_t decay_steps_ = 0;
  std::shared_ptr<DataParallel> group_;
  c10::Device device_{c10::kCPU};
  std::string load_note_;
};

}  // namespace genlab
