// SPDX-License-Identifier: GPL-3.0-or-later
#include "autoregressive/pixel_model.h"

#include "nn/device.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/bernoulli.h>
#include <ATen/ops/binary_cross_entropy_with_logits.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/cross_entropy_loss.h>
#include <ATen/ops/multinomial.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/zeros.h>
#include <c10/core/GradMode.h>
#include <c10/core/InferenceMode.h>

#include <cmath>

namespace genlab {

at::Tensor pixel_values(const at::Tensor& images, int64_t levels, at::Generator& gen) {
  const auto x = images.to(at::kFloat).clamp(0, 1);
  if (levels == 2)
    return bernoulli_on(x, gen);
  return x.mul(255).round_().div_(255);
}

at::Tensor negative_log_likelihood(const at::Tensor& logits, const at::Tensor& x, int64_t levels) {
  const int64_t b = x.size(0);
  if (levels == 2) {
    const auto per_pixel = at::binary_cross_entropy_with_logits(logits.to(at::kFloat), x, {}, {}, at::Reduction::None);
    return per_pixel.reshape({b, -1}).sum(1);
  }
  const auto target = x.mul(255).round().to(at::kLong).squeeze(1);  // (B, H, W)
  const auto per_pixel = at::cross_entropy_loss(logits.to(at::kFloat), target, {}, at::Reduction::None);
  return per_pixel.reshape({b, -1}).sum(1);
}

double bits_per_dimension(double nats_per_image, int64_t pixels) {
  return nats_per_image / (double(pixels) * std::log(2.0));
}

at::Tensor pixel_distribution(const at::Tensor& logits, int64_t levels, double temperature) {
  TORCH_CHECK(temperature > 0 && std::isfinite(temperature), "temperature must be positive, got ", temperature);
  const auto l = logits.to(at::kFloat) / temperature;
  if (levels == 2) {
    const auto p = l.view({-1, 1}).sigmoid();
    return at::cat({1 - p, p}, 1);
  }
  return l.softmax(1);
}

PixelSampler::PixelSampler(PixelNet net, Options options)
    : net_(std::move(net)), options_(std::move(options)), size_(net_->shape().image_size),
      gen_(at::make_generator<at::CPUGeneratorImpl>(options_.seed)) {
  const auto& s = net_->shape();
  TORCH_CHECK(options_.count >= 1 && options_.count <= 1024, "draw 1 to 1024 images at once, not ", options_.count);
  TORCH_CHECK(s.classes == 0 || (options_.labels.defined() && options_.labels.numel() == options_.count),
              "this model draws a class it is told: give one label per image");
  images_ = at::zeros({options_.count, 1, size_, size_});
  if (options_.given.defined()) {
    TORCH_CHECK(options_.given.sizes() == images_.sizes(), "the images to complete must have shape ", images_.sizes(),
                ", got ", options_.given.sizes());
    TORCH_CHECK(options_.known.defined() && options_.known.dim() == 2 && options_.known.size(0) == size_ &&
                    options_.known.size(1) == size_,
                "completing needs a mask of the known pixels (", size_, " × ", size_, ")");
    images_ = options_.given.to(at::kFloat) * options_.known.to(at::kFloat);
    const auto flat = options_.known.to(at::kChar).reshape({-1}).contiguous();
    known_.assign(flat.data_ptr<int8_t>(), flat.data_ptr<int8_t>() + flat.numel());
  }
  net_->eval();
  device_ = device_of(*net_);
}

at::Tensor PixelSampler::next_distribution() {
  TORCH_CHECK(!done(), "the images are complete");
  c10::InferenceMode guard;
  const int64_t r = position_ / size_, c = position_ % size_;
  // The images stay in the CPU's memory (drawn with the CPU generator, read by the GUI); a net on
  // another device gets a copy of them each pixel.
  const c10::Device device = device_;
  const auto images = device.is_cpu() ? images_ : images_.to(device);
  const auto& given = options_.labels;
  const auto labels = given.defined() && !device.is_cpu() ? given.to(device) : given;
  at::Tensor logits;  // (count, outputs)
  if (options_.naive) {
    logits = net_->forward(images, labels).select(3, c).select(2, r);
  } else {
    logits = net_->row_logits(images, labels, r, cache_).select(2, c);
  }
  return pixel_distribution(logits.cpu(), net_->shape().levels, options_.temperature);
}

bool PixelSampler::skip_known() {
  while (!done() && !known_.empty() && known_[size_t(position_)])
    ++position_;
  return !done();
}

at::Tensor PixelSampler::step() {
  if (!known_.empty() && known_[size_t(position_)]) {
    ++position_;
    return {};
  }
  const auto p = next_distribution();
  const int64_t levels = net_->shape().levels;
  const auto drawn = at::multinomial(p, 1, false, gen_).view({-1}).to(at::kFloat);  // (count) level index
  const int64_t r = position_ / size_, c = position_ % size_;
  images_.select(3, c).select(2, r).select(1, 0).copy_(drawn / double(levels - 1));
  ++position_;
  return p;
}

at::Tensor sample_pixels(PixelNet net, const PixelSampler::Options& options) {
  PixelSampler s(std::move(net), options);
  while (!s.done())
    s.step();
  return s.images();
}

at::Tensor receptive_field(PixelNet net, const at::Tensor& image, const at::Tensor& label, int64_t row, int64_t col) {
  const int64_t n = net->shape().image_size;
  TORCH_CHECK(image.dim() == 4 && image.size(0) == 1 && image.size(1) == 1 && image.size(2) == n && image.size(3) == n,
              "the receptive field needs one image (1, 1, ", n, ", ", n, "), got ", image.sizes());
  TORCH_CHECK(row >= 0 && row < n && col >= 0 && col < n, "pixel (", row, ", ", col, ") is outside the image");
  c10::AutoGradMode grad(true);
  const bool was_training = net->is_training();
  net->eval();
  const c10::Device device = device_of(*net);
  auto x = image.to(device, at::kFloat).detach().clone().requires_grad_(true);
  const auto logits = net->forward(x, label.defined() ? label.to(device) : label);
  const auto target = x.detach();
  // log p of the pixel's own value at (row, col): the influence of every input on that one factor.
  const auto nll = negative_log_likelihood(logits.narrow(2, row, 1).narrow(3, col, 1),
                                           target.narrow(2, row, 1).narrow(3, col, 1), net->shape().levels);
  nll.sum().backward();
  net->train(was_training);
  return x.grad().abs().view({n, n}).detach().cpu();
}

}  // namespace genlab
