// SPDX-License-Identifier: GPL-3.0-or-later
#include "vae/conv_vae.h"

#include <ATen/ops/scalar_tensor.h>

#include "io/numbers.h"
#include "nn/class_code.h"
#include "nn/conv_geometry.h"
#include "nn/conv_transpose.h"
#include "nn/device.h"
#include "nn/module_decoder.h"
#include "nn/module_encoder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/randn.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/conv.h>
#include <torch/utils.h>

#include <cmath>

namespace genlab {
namespace {

void check(const ConvVAEOptions& o) {
  conv_geometry::check("conv VAE", o.image_size(), o.channels(), o.latent_dim(), o.width(), 128);
}

std::shared_ptr<const ImageDecoder> make_decoder(ConvDecoder d) {
  const auto& o = d->options();
  return std::make_shared<ModuleDecoder<ConvDecoder>>(d, o.latent_dim(), o.channels(), o.image_size(),
                                                      [](const at::Tensor& y) { return y.sigmoid(); }, o.classes());
}

std::shared_ptr<const ImageEncoder> make_encoder(ConvEncoder e) {
  e->eval();
  const auto& o = e->options();
  return make_module_encoder([e](const at::Tensor& x, const at::Tensor& labels) mutable { return e->forward(x, labels); },
                             {o.channels(), o.image_size(), o.image_size()}, o.latent_dim(), o.classes());
}

}  // namespace

ConvEncoderImpl::ConvEncoderImpl(const ConvVAEOptions& options) : options_(options) { reset(); }

void ConvEncoderImpl::reset() {
  check(options_);
  using namespace torch::nn;
  const int64_t n = conv_geometry::doublings(options_.image_size());
  const int64_t s = conv_geometry::start_size(options_.image_size());
  main = register_module("main", Sequential());
  int64_t c = options_.channels();
  for (int64_t i = 0; i < n; ++i) {
    const int64_t out = options_.width() << i;
    main->push_back(Conv2d(Conv2dOptions(c, out, 4).stride(2).padding(1)));
    main->push_back(ReLU());
    c = out;
  }
  head = register_module("head", Linear(c * s * s + options_.classes(), 2 * options_.latent_dim()));
}

std::pair<torch::Tensor, torch::Tensor> ConvEncoderImpl::forward(const torch::Tensor& x, const torch::Tensor& labels) {
  const int64_t size = options_.image_size();
  TORCH_CHECK(x.dim() == 4 && x.size(1) == options_.channels() && x.size(2) == size && x.size(3) == size,
              "conv VAE expects images of shape (B, ", options_.channels(), ", ", size, ", ", size, "), got ",
              x.sizes());
  const auto features = main->forward(x).flatten(1);
  const auto h = head->forward(with_class(features, labels, options_.classes()));
  return {h.narrow(1, 0, options_.latent_dim()), h.narrow(1, options_.latent_dim(), options_.latent_dim())};
}

ConvDecoderImpl::ConvDecoderImpl(const ConvVAEOptions& options) : options_(options) { reset(); }

void ConvDecoderImpl::reset() {
  check(options_);
  using namespace torch::nn;
  const int64_t n = conv_geometry::doublings(options_.image_size());
  start_size_ = conv_geometry::start_size(options_.image_size());
  start_channels_ = options_.width() << (n - 1);
  project = register_module("project", Linear(options_.latent_dim() + options_.classes(),
                                               start_channels_ * start_size_ * start_size_));
  main = register_module("main", Sequential());
  int64_t c = start_channels_;
  for (int64_t i = 0; i < n; ++i) {
    const int64_t out = i == n - 1 ? options_.channels() : c / 2;
    main->push_back(ReLU());
    main->push_back(ConvTranspose2d(ConvTranspose2dOptions(c, out, 4).stride(2).padding(1)));
    c = out;
  }
}

torch::Tensor ConvDecoderImpl::forward(const torch::Tensor& z) {
  TORCH_CHECK(z.dim() == 2 && z.size(1) == options_.latent_dim() + options_.classes(),
              "conv VAE decoder expects codes of shape (B, ", options_.latent_dim() + options_.classes(), "), got ",
              z.sizes());
  return forward_fast(main, project->forward(z).view({z.size(0), start_channels_, start_size_, start_size_}));
}

ConvVAEImpl::ConvVAEImpl(const ConvVAEOptions& options) : options_(options) {
  encoder = register_module("encoder", ConvEncoder(options));
  decoder = register_module("decoder", ConvDecoder(options));
}

Result<TensorSpecs> conv_encoder_tensors(const ConvVAEOptions& options) {
  if (auto e = check_message([&] { check(options); }); !e.ok())
    return {{}, e.error};
  const int64_t n = conv_geometry::doublings(options.image_size());
  const int64_t s = conv_geometry::start_size(options.image_size());
  TensorSpecBuilder b;
  int64_t c = options.channels();
  for (int64_t i = 0; i < n; ++i) {  // Conv2d, ReLU
    const int64_t out = options.width() << i;
    b.conv("main." + std::to_string(2 * i), c, out, {4, 4});
    c = out;
  }
  b.linear("head", c * s * s + options.classes(), 2 * options.latent_dim());
  return {b.specs(), {}};
}

Result<TensorSpecs> conv_decoder_tensors(const ConvVAEOptions& options) {
  if (auto e = check_message([&] { check(options); }); !e.ok())
    return {{}, e.error};
  const int64_t n = conv_geometry::doublings(options.image_size());
  const int64_t s = conv_geometry::start_size(options.image_size());
  TensorSpecBuilder b;
  int64_t c = options.width() << (n - 1);
  b.linear("project", options.latent_dim() + options.classes(), c * s * s);
  for (int64_t i = 0; i < n; ++i) {  // ReLU, ConvTranspose2d
    const int64_t out = i == n - 1 ? options.channels() : c / 2;
    b.conv_transpose("main." + std::to_string(2 * i + 1), c, out, {4, 4});
    c = out;
  }
  return {b.specs(), {}};
}

Result<TensorSpecs> conv_vae_tensors(const ConvVAEOptions& options) {
  const auto encoder = conv_encoder_tensors(options);
  if (!encoder.ok())
    return encoder;
  const auto decoder = conv_decoder_tensors(options);
  TensorSpecBuilder b;
  b.module("encoder", encoder.value);
  b.module("decoder", decoder.value);
  return {b.specs(), {}};
}

VAEOutput ConvVAEImpl::forward(const torch::Tensor& x, c10::optional<at::Generator> generator, const torch::Tensor& labels) {
  auto [mu, logvar] = encoder->forward(x, labels);
  const auto eps = generator ? randn_on(mu.sizes(), *generator, mu.options()) : at::randn(mu.sizes(), mu.options());
  auto z = mu + (0.5 * logvar).exp() * eps;
  return {decoder->forward(with_class(z, labels, options_.classes())), mu, logvar, z};
}

ConvVaeTrainer::ConvVaeTrainer(const ConvVAEOptions& model_options, const ConvVaeTrainerOptions& options,
                               at::Tensor images, at::Tensor labels)
    : BatchTrainer(std::move(images), options.batch_size(), options.seed(), "genlab-conv-vae-trainer-1"),
      options_(options), labels_(std::move(labels)) {
  const int64_t s = model_options.image_size();
  TORCH_CHECK(examples_.dim() == 4 && examples_.size(1) == model_options.channels() && examples_.size(2) == s &&
                  examples_.size(3) == s,
              "conv VAE training images must have shape (N, ", model_options.channels(), ", ", s, ", ", s,
              "), got ", examples_.sizes());
  TORCH_CHECK(std::isfinite(options.lr()) && options.lr() > 0 && options.lr() <= 1, "learning rate must be in (0, 1], got ", options.lr());
  TORCH_CHECK(options.beta() >= 0 && options.beta() <= 1000, "β must be in 0..1000, got ", options.beta());
  examples_ = examples_.to(at::kFloat).contiguous();
  labels_ = checked_labels(labels_, model_options.classes(), examples_.size(0), "a VAE");
  torch::manual_seed(options_.seed());
  model_ = ConvVAE(model_options);
  adam_ = std::make_unique<Adam>(parameters_of(*model_), options_.lr());
  save_module("encoder.", model_->encoder.get());
  save_module("decoder.", model_->decoder.get());
  save_optimizer("adam.", adam_.get());
  overlap_all_reduce_ = true;  // one backward per step
}

VAELoss ConvVaeTrainer::step() {
  const auto index = next_batch_indices();
  const auto x = on_device(examples_.index_select(0, index));
  const auto y = labels_.defined() ? on_device(labels_.index_select(0, index)) : at::Tensor();
  VAEOutput out;
  {
    PrecisionScope precision(options_.precision(), device());  // the forward pass; backward follows its casts
    out = model_->forward(x, rng_, y);
  }
  // The loss in float32 whatever the arithmetic of the layers was.
  out = {out.logits.to(at::kFloat), out.mu.to(at::kFloat), out.logvar.to(at::kFloat), out.z};
  const auto loss = vae_loss(out, x, options_.beta());
  adam_->zero_grad();
  loss.total.backward();
  adam_->step();
  const double total = mean_over_ranks(loss.total.item<double>());  // every rank fails alike
  TORCH_CHECK(std::isfinite(total), "the conv VAE loss became ", non_finite_name(total), " at step ", steps_done(),
              " (learning rate ", options_.lr(), " too high?)");
  end_step();
  if (data_parallel()) {  // the whole batch's means: each rank's over its share, averaged
    const auto mean = [this](const at::Tensor& v) { return at::scalar_tensor(mean_over_ranks(v.item<double>())); };
    return {at::scalar_tensor(total), mean(loss.recon), mean(loss.kl)};
  }
  return {loss.total.detach(), loss.recon.detach(), loss.kl.detach()};
}

VAELoss ConvVaeTrainer::evaluate(const at::Tensor& images, const at::Tensor& labels, uint64_t noise_seed) {
  return evaluate_conv_vae(model_, images, noise_seed, labels);
}

VAELoss evaluate_conv_vae(ConvVAE& model, const at::Tensor& images, uint64_t noise_seed, const at::Tensor& labels) {
  torch::NoGradGuard no_grad;
  TORCH_CHECK(labels.defined() == (model->options().classes() > 0) && (!labels.defined() || labels.numel() == images.size(0)),
              model->options().classes() > 0 ? "a VAE told the class is evaluated with one label per image"
                                             : "labels given to a VAE not told the class");
  auto gen = at::make_generator<at::CPUGeneratorImpl>(noise_seed);
  const auto x = images.to(device_of(*model), at::kFloat);
  double recon = 0, kl = 0;
  const int64_t n = x.size(0), chunk = 500;
  TORCH_CHECK(n > 0, "no images to evaluate the conv VAE on");
  for (int64_t i = 0; i < n; i += chunk) {
    const auto part = x.narrow(0, i, std::min(chunk, n - i));
    const auto y = labels.defined() ? labels.narrow(0, i, part.size(0)).to(x.device(), at::kLong) : at::Tensor();
    const auto l = vae_loss(model->forward(part, gen, y), part, 1.0);
    recon += l.recon.item<double>() * double(part.size(0));
    kl += l.kl.item<double>() * double(part.size(0));
  }
  const auto opts = at::TensorOptions(at::kDouble);
  return {at::scalar_tensor((recon + kl) / double(n), opts), at::scalar_tensor(recon / double(n), opts),
          at::scalar_tensor(kl / double(n), opts)};
}

Status load_conv_vae_weights(ConvVAE& model, const SafetensorsFile& file, const std::string& file_name) {
  return load_modules_weights({{"encoder.", model->encoder.get()}, {"decoder.", model->decoder.get()}}, file,
                              file_name);
}

Status load_conv_vae_weights(ConvVAE& model, const std::string& weights_path) {
  const auto file = load_safetensors(weights_path);
  if (!file.ok())
    return {file.error};
  return load_conv_vae_weights(model, file.value, file_name_of(weights_path));
}

std::shared_ptr<const ImageDecoder> ConvVaeTrainer::decoder() const {
  torch::NoGradGuard no_grad;
  ConvDecoder copy(std::dynamic_pointer_cast<ConvDecoderImpl>(model_->decoder->clone()));
  copy->to(c10::kCPU);  // the GUI's copies run on the CPU
  return make_decoder(copy);
}

std::shared_ptr<const ImageEncoder> ConvVaeTrainer::encoder() const {
  torch::NoGradGuard no_grad;
  ConvEncoder copy(std::dynamic_pointer_cast<ConvEncoderImpl>(model_->encoder->clone()));
  copy->to(c10::kCPU);
  return make_encoder(copy);
}

Result<std::shared_ptr<const ImageEncoder>> load_conv_vae_encoder(const SafetensorsFile& file,
                                                                  const std::string& file_name,
                                                                  const ConvVAEOptions& options) {
  try {
    ConvEncoder e(options);
    if (auto loaded = load_module_weights(*e, file, file_name, "encoder."); !loaded.ok())
      return {nullptr, loaded.error};
    return {make_encoder(e), {}};
  } catch (const c10::Error& e) {
    return {nullptr, e.what_without_backtrace()};
  }
}

Result<std::shared_ptr<const ImageDecoder>> load_conv_vae_decoder(const SafetensorsFile& file,
                                                                  const std::string& file_name,
                                                                  const ConvVAEOptions& options) {
  try {
    ConvDecoder d(options);
    if (auto loaded = load_module_weights(*d, file, file_name, "decoder."); !loaded.ok())
      return {nullptr, loaded.error};
    return {make_decoder(d), {}};
  } catch (const c10::Error& e) {
    return {nullptr, e.what_without_backtrace()};
  }
}

Result<std::shared_ptr<const ImageDecoder>> load_conv_vae_decoder(const std::string& weights_path,
                                                                  const ConvVAEOptions& options) {
  const auto file = load_safetensors(weights_path);
  if (!file.ok())
    return {nullptr, file.error};
  return load_conv_vae_decoder(file.value, file_name_of(weights_path), options);
}

}  // namespace genlab
