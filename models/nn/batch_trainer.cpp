// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/batch_trainer.h"

#include "dist/data_parallel.h"
#include "io/checkpoint.h"
#include "io/trainer_state.h"
#include "nn/module_decoder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/randperm.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace genlab {
namespace {

torch::OrderedDict<std::string, at::Tensor> tensors_of(torch::nn::Module& m) {
  auto all = m.named_parameters();
  for (const auto& b : m.named_buffers())
    all.insert(b.key(), b.value());
  return all;
}

// GENLAB_DIST_OVERLAP=0: one all-reduce after backward instead (bench/data_parallel.sh compares).
bool overlap_disabled() {
  const char* v = std::getenv("GENLAB_DIST_OVERLAP");
  return v != nullptr && std::string(v) == "0";
}

}  // namespace

BatchTrainer::BatchTrainer(at::Tensor examples, int64_t batch_size, uint64_t seed, std::string format,
                           bool drop_last)
    : examples_(std::move(examples)),
      batch_size_(batch_size),
      rng_(at::make_generator<at::CPUGeneratorImpl>(seed)),
      format_(std::move(format)),
      drop_last_(drop_last) {
  if (drop_last_) {
    TORCH_CHECK(batch_size_ >= 2 && batch_size_ <= 4096, "batch size must be in 2..4096, got ", batch_size_);
  } else {
    TORCH_CHECK(batch_size_ >= 1, "batch size must be at least 1, got ", batch_size_);
  }
  TORCH_CHECK(examples_.defined() && examples_.dim() >= 2, "training data must be a batch of examples");
  if (drop_last_) {
    TORCH_CHECK(examples_.size(0) >= batch_size_, "the training set (", examples_.size(0),
                " examples) is smaller than one batch (", batch_size_, ")");
  } else {
    TORCH_CHECK(examples_.size(0) > 0, "the training set is empty");
  }
}

double BatchTrainer::decayed_lr(double lr, int64_t step) const {
  if (decay_steps_ <= 0)
    return lr;
  const double low = lr / 100, progress = std::min(1.0, double(step) / double(decay_steps_));
  return low + (lr - low) * 0.5 * (1 + std::cos(M_PI * progress));
}

void BatchTrainer::save_module(std::string prefix, torch::nn::Module* module) {
  modules_.emplace_back(std::move(prefix), module);
}

std::vector<OptimizerReading> BatchTrainer::optimizer_readings() const {
  std::vector<OptimizerReading> out;
  for (const auto& [prefix, adam] : optimizers_) {
    std::string name = prefix.rfind("adam", 0) == 0 ? prefix.substr(4) : prefix;
    if (!name.empty() && name.front() == '.')
      name.erase(0, 1);
    if (!name.empty() && name.back() == '.')
      name.pop_back();
    out.push_back({name, adam->grad_norm(), adam->lr()});
  }
  return out;
}

void BatchTrainer::save_optimizer(std::string prefix, Adam* adam) { optimizers_.emplace_back(std::move(prefix), adam); }

std::vector<std::pair<std::string, at::Tensor>> BatchTrainer::parameters_of(torch::nn::Module& m) {
  std::vector<std::pair<std::string, at::Tensor>> out;
  for (const auto& p : m.named_parameters())
    out.emplace_back(p.key(), p.value());
  return out;
}

int64_t BatchTrainer::steps_per_epoch() const {
  const int64_t n = examples_.size(0);
  return drop_last_ ? n / batch_size_ : (n + batch_size_ - 1) / batch_size_;
}

int64_t BatchTrainer::steps_done() const { return optimizers_.empty() ? 0 : optimizers_.front().second->steps(); }

at::Tensor BatchTrainer::next_whole_batch_indices() {
  if (!order_.defined()) {
    order_ = at::randperm(examples_.size(0), rng_, at::TensorOptions(at::kLong));
    batch_in_epoch_ = 0;
  }
  const int64_t from = batch_in_epoch_ * batch_size_;
  return order_.narrow(0, from, std::min(batch_size_, examples_.size(0) - from));
}

at::Tensor BatchTrainer::next_batch_indices() { return shard(next_whole_batch_indices()); }

void BatchTrainer::set_device(c10::Device device) {
  device_ = device;
  for (const auto& [prefix, m] : modules_)
    m->to(device);
  for (const auto& [prefix, adam] : optimizers_)
    adam->to(device);
}

void BatchTrainer::set_data_parallel(std::shared_ptr<DataParallel> group) {
  group_ = std::move(group);
  if (!group_)
    return;
  if (drop_last_) {  // without, the ranks' shares may differ by a row
    TORCH_CHECK(batch_size_ % group_->world_size() == 0, "a batch of ", batch_size_, " cannot be shared by ",
                group_->world_size(), " processes: make it a multiple of ", group_->world_size());
  }
  std::vector<at::Tensor> weights;
  for (const auto& [prefix, m] : modules_)
    for (const auto& p : tensors_of(*m))
      weights.push_back(p.value());
  group_->broadcast(weights);
  // Every process must exchange the same buckets in the same order: they agree on overlapping.
  const bool overlap = overlap_all_reduce_ && !overlap_disabled();
  const double agreeing = group_->all_reduce_sum(overlap ? 1.0 : 0.0);
  TORCH_CHECK(agreeing == 0 || agreeing == group_->world_size(),
              "the processes disagree on GENLAB_DIST_OVERLAP: set it alike for all of them");
  for (const auto& [prefix, adam] : optimizers_)
    adam->set_data_parallel(group_.get(), overlap);
}

at::Tensor BatchTrainer::shard(const at::Tensor& whole) const {
  if (!group_ || group_->world_size() == 1)
    return whole;
  const auto [first, count] = rank_rows(whole.size(0));
  return whole.narrow(0, first, count);
}

std::pair<int64_t, int64_t> BatchTrainer::rank_rows(int64_t rows) const {
  if (!group_)
    return {0, rows};
  const int64_t share = (rows + group_->world_size() - 1) / group_->world_size();
  const int64_t first = std::min(rows, group_->rank() * share);
  return {first, std::min(share, rows - first)};
}

double BatchTrainer::mean_over_ranks(double value) const {
  return group_ ? group_->all_reduce_sum(value) / group_->world_size() : value;
}

at::Tensor BatchTrainer::next_batch() { return on_device(examples_.index_select(0, next_batch_indices())); }

at::Tensor BatchTrainer::next_whole_batch() { return on_device(examples_.index_select(0, next_whole_batch_indices())); }

void BatchTrainer::end_step() {
  if (++batch_in_epoch_ == steps_per_epoch()) {
    ++epoch_;
    batch_in_epoch_ = 0;
    order_.reset();
  }
}

Status BatchTrainer::save_checkpoint(const std::string& weights_path, const std::string& state_path,
                                     const std::map<std::string, std::string>& metadata) {
  torch::NoGradGuard no_grad;
  NamedTensors state;
  for (const auto& [prefix, adam] : optimizers_)
    for (auto& t : adam->state(prefix))
      state.push_back(std::move(t));
  state.emplace_back("rng.state", rng_.get_state());
  if (order_.defined())
    state.emplace_back("data.order", order_);
  NamedTensors weights;
  for (const auto& [prefix, m] : modules_)
    for (const auto& p : tensors_of(*m))
      weights.emplace_back(prefix + p.key(), p.value());
  return save_checkpoint_files(weights_path, weights, metadata, state_path, state,
                               {{"format", format_},
                                {"epoch", std::to_string(epoch_)},
                                {"batch_in_epoch", std::to_string(batch_in_epoch_)}},
                               steps_done());
}

Status BatchTrainer::load_checkpoint(const std::string& weights_path, const std::string& state_path) {
  torch::NoGradGuard no_grad;
  auto files = load_checkpoint_files(weights_path, state_path);
  if (!files.ok())
    return {files.error};
  load_note_ = files.value.note;
  const auto& weights = files.value.weights;
  const auto& state = files.value.state;
  const std::string wname = file_name_of(weights_path), sname = file_name_of(state_path);
  const auto format = state.metadata.find("format");
  if (format == state.metadata.end() || format->second != format_)
    return {sname + ": not a state of this trainer (format '" +
            (format == state.metadata.end() ? std::string() : format->second) + "', expected '" + format_ + "')"};
  std::vector<PrefixedModule> modules;
  for (const auto& [prefix, m] : modules_)
    modules.push_back({prefix, m});
  std::vector<std::pair<at::Tensor, at::Tensor>> copies;
  if (Status matched = match_modules_weights(modules, weights, wname, &copies); !matched.ok())
    return matched;
  for (const auto& [prefix, m] : modules_)
    for (const auto& p : tensors_of(*m))
      if (Status finite = check_finite(weights.find(prefix + p.key()), prefix + p.key()); !finite.ok())
        return {wname + ": " + finite.error};
  const auto order = state.find("data.order"), rng = state.find("rng.state");
  if (Status usable = check_generator_state(rng); !usable.ok())
    return {sname + ": " + usable.error};
  if (order.defined())
    if (Status usable = check_data_order(order, examples_.size(0)); !usable.ok())
      return {sname + ": " + usable.error};
  TrainerCounters at;
  if (Status read = read_counters(state, sname, steps_per_epoch(), &at); !read.ok())
    return read;
  // Check every optimizer before changing any, so a bad file leaves the trainer as it was.
  for (const auto& [prefix, adam] : optimizers_)
    if (Status usable = adam->check_state(state, prefix); !usable.ok())
      return {sname + ": " + usable.error};
  for (const auto& [prefix, adam] : optimizers_)
    (void)adam->load_state(state, prefix, at.step);  // cannot fail: check_state passed just above
  for (auto& [dst, src] : copies)
    dst.copy_(src);
  rng_.set_state(rng);
  order_ = order.defined() ? order.clone() : at::Tensor();
  epoch_ = at.epoch;
  batch_in_epoch_ = at.batch_in_epoch;
  return {};
}

}  // namespace genlab
