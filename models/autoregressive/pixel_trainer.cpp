// SPDX-License-Identifier: GPL-3.0-or-later
#include "autoregressive/pixel_trainer.h"

#include "io/numbers.h"
#include "nn/device.h"
#include "nn/module_decoder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>

namespace genlab {

PixelTrainer::PixelTrainer(PixelNet net, const PixelTrainerOptions& options, at::Tensor images, at::Tensor labels)
    : BatchTrainer(std::move(images), options.batch_size(), options.seed(), "genlab-pixel-trainer-1"),
      options_(options), net_(std::move(net)), labels_(std::move(labels)) {
  const int64_t s = net_->shape().image_size;
  TORCH_CHECK(examples_.dim() == 4 && examples_.size(1) == 1 && examples_.size(2) == s && examples_.size(3) == s,
              "pixel models train on one-channel images (N, 1, ", s, ", ", s, "), got ", examples_.sizes());
  TORCH_CHECK(options_.lr() > 0 && options_.lr() <= 1, "learning rate must be in (0, 1], got ", options_.lr());
  if (net_->shape().classes > 0)
    TORCH_CHECK(labels_.defined() && labels_.numel() == examples_.size(0),
                "a class-conditional pixel model needs one label per training image");
  examples_ = examples_.to(at::kFloat).contiguous();
  TORCH_CHECK(options_.slices() >= 0 && options_.slices() <= 64, "slices must be in 0..64, got ", options_.slices());
  const auto named = parameters_of(*net_);
  for (const auto& [name, p] : named)
    params_.push_back(p);
  adam_ = std::make_unique<Adam>(named, options_.lr());
  slices_ = std::make_unique<BatchSlices>(options_.slices() > 0 ? options_.slices() : BatchSlices::recommended());
  save_module("model.", net_.get());
  save_optimizer("adam.", adam_.get());
}

double PixelTrainer::step() {
  adam_->set_lr(decayed_lr(options_.lr(), steps_done()));
  const auto index = next_batch_indices();
  const auto x = on_device(pixel_values(examples_.index_select(0, index), net_->shape().levels, rng_));
  const auto labels = labels_.defined() ? on_device(labels_.index_select(0, index)) : at::Tensor();
  net_->train();
  const int64_t batch = x.size(0), levels = net_->shape().levels;
  const auto loss_of = [&](int64_t first, int64_t count) {
    const auto part = x.narrow(0, first, count);
    const auto lab = labels.defined() ? labels.narrow(0, first, count) : at::Tensor();
    return negative_log_likelihood(net_->forward(part, lab), part, levels).sum() / double(batch);
  };
  double value = 0;
  if (takes_cpu_fast_path(x)) {  // slices of the batch on threads of their own
    value = slices_->backward(batch, params_, loss_of);
  } else {  // the generic path: one pass over the whole batch
    adam_->zero_grad();
    const auto loss = loss_of(0, batch);
    loss.backward();
    value = loss.item<double>();
  }
  adam_->step();
  const double whole = mean_over_ranks(value);  // every rank sees the whole batch's loss, and fails alike
  TORCH_CHECK(std::isfinite(whole), "the pixel model's loss became ", loss_text(whole), " at step ", steps_done(),
              " (learning rate ", options_.lr(), " too high?)");
  end_step();
  return whole;
}

double evaluate_pixel_model(PixelNetImpl& net, const at::Tensor& images, const at::Tensor& labels, uint64_t seed) {
  TORCH_CHECK(images.dim() == 4 && images.size(0) > 0, "held-out images must be a non-empty batch (N, 1, H, W)");
  c10::InferenceMode guard;
  const bool was_training = net.is_training();
  net.eval();
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  const c10::Device device = device_of(net);
  const auto x = pixel_values(images, net.shape().levels, gen).to(device);
  double sum = 0;
  const int64_t n = x.size(0), batch = 500;
  for (int64_t from = 0; from < n; from += batch) {
    const int64_t count = std::min(batch, n - from);
    const auto part = x.narrow(0, from, count);
    const auto lab = labels.defined() ? labels.narrow(0, from, count).to(device) : at::Tensor();
    sum += negative_log_likelihood(net.forward(part, lab), part, net.shape().levels).sum().item<double>();
  }
  net.train(was_training);
  return sum / double(n);
}

Status load_pixel_model(PixelNetImpl& net, const SafetensorsFile& file, const std::string& file_name) {
  return load_module_weights(net, file, file_name, "model.");
}

}  // namespace genlab
