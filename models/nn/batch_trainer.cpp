// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/batch_trainer.h"

#include "dist/data_parallel.h"
#include "io/checkpoint.h"
#include "io/trainer_state.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/randperm.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <filesystem>
#include <sstream>

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

BatchTrainer::BatchTrainer(at::Tensor examples, int64_t batch_size, uint64_t seed, std::string format)
    : examples_(std::move(examples)),
      batch_size_(batch_size),
      rng_(at::make_generator<at::CPUGeneratorImpl>(seed)),
      format_(std::move(format)) {
  TORCH_CHECK(batch_size_ >= 2 && batch_size_ <= 4096, "batch size must be in 2..4096, got ", batch_size_);
  TORCH_CHECK(examples_.defined() && examples_.dim() >= 2, "training data must be a batch of examples");
  TORCH_CHECK(examples_.size(0) >= batch_size_, "the training set (", examples_.size(0),
              " examples) is smaller than one batch (", batch_size_, ")");
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
    std::string name = prefix.rfind("adam.", 0) == 0 ? prefix.substr(5) : prefix;
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

int64_t BatchTrainer::steps_per_epoch() const { return examples_.size(0) / batch_size_; }

int64_t BatchTrainer::steps_done() const { return optimizers_.empty() ? 0 : optimizers_.front().second->steps(); }

at::Tensor BatchTrainer::next_batch_indices() {
  if (!order_.defined()) {
    order_ = at::randperm(examples_.size(0), rng_, at::TensorOptions(at::kLong));
    batch_in_epoch_ = 0;
  }
  return shard(order_.narrow(0, batch_in_epoch_ * batch_size_, batch_size_));
}

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
  TORCH_CHECK(batch_size_ % group_->world_size() == 0, "a batch of ", batch_size_, " cannot be shared by ",
              group_->world_size(), " processes: make it a multiple of ", group_->world_size());
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
  const int64_t share = whole.size(0) / group_->world_size();
  return whole.narrow(0, group_->rank() * share, share);
}

double BatchTrainer::mean_over_ranks(double value) const {
  return group_ ? group_->all_reduce_sum(value) / group_->world_size() : value;
}

at::Tensor BatchTrainer::next_batch() { return on_device(examples_.index_select(0, next_batch_indices())); }

at::Tensor BatchTrainer::next_whole_batch() {
  next_batch_indices();  // a new order when an epoch starts
  return on_device(examples_.index_select(0, order_.narrow(0, batch_in_epoch_ * batch_size_, batch_size_)));
}

void BatchTrainer::end_step() {
  if (++batch_in_epoch_ == steps_per_epoch()) {
    ++epoch_;
    batch_in_epoch_ = 0;
    order_.reset();
  }
}

std::string BatchTrainer::save_checkpoint(const std::string& weights_path, const std::string& state_path,
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

std::string BatchTrainer::load_checkpoint(const std::string& weights_path, const std::string& state_path) {
  torch::NoGradGuard no_grad;
  auto files = load_checkpoint_files(weights_path, state_path);
  if (!files.ok())
    return files.error;
  const auto& weights = files.value.weights;
  const auto& state = files.value.state;
  const std::string wname = std::filesystem::path(weights_path).filename().string();
  const std::string sname = std::filesystem::path(state_path).filename().string();
  std::vector<std::pair<at::Tensor, at::Tensor>> copies;
  for (const auto& [prefix, m] : modules_) {
    for (const auto& p : tensors_of(*m)) {
      const auto t = weights.find(prefix + p.key());
      if (!t.defined() || t.sizes() != p.value().sizes() || t.scalar_type() != p.value().scalar_type()) {
        std::ostringstream s;
        s << wname << ": '" << prefix << p.key() << "' is missing or not of shape " << p.value().sizes();
        return s.str();
      }
      if (auto err = check_finite(t, prefix + p.key()); !err.empty())
        return wname + ": " + err;
      copies.emplace_back(p.value(), t);
    }
  }
  const auto order = state.find("data.order"), rng = state.find("rng.state");
  if (auto err = check_generator_state(rng); !err.empty())
    return sname + ": " + err;
  if (order.defined())
    if (auto err = check_data_order(order, examples_.size(0)); !err.empty())
      return sname + ": " + err;
  TrainerCounters at;
  if (auto err = read_counters(state, sname, steps_per_epoch(), &at); !err.empty())
    return err;
  // Check every optimizer before changing any, so a bad file leaves the trainer as it was.
  for (const auto& [prefix, adam] : optimizers_)
    if (auto err = adam->check_state(state, prefix); !err.empty())
      return sname + ": " + err;
  for (const auto& [prefix, adam] : optimizers_)
    adam->load_state(state, prefix, at.step);
  for (auto& [dst, src] : copies)
    dst.copy_(src);
  rng_.set_state(rng);
  order_ = order.defined() ? order.clone() : at::Tensor();
  epoch_ = at.epoch;
  batch_in_epoch_ = at.batch_in_epoch;
  return {};
}

}  // namespace genlab
