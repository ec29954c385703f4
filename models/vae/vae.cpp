// SPDX-License-Identifier: GPL-3.0-or-later
#include "vae/vae.h"

#include "nn/class_code.h"
#include "nn/device.h"

#include <ATen/ops/binary_cross_entropy_with_logits.h>
#include <ATen/ops/zeros.h>
#include <torch/types.h>

namespace genlab {

namespace {

void check(const VAEOptions& o) {
  TORCH_CHECK(o.input_dim() > 0, "VAE input_dim must be positive, got ", o.input_dim());
  TORCH_CHECK(o.hidden_dim() > 0 && o.hidden_dim() <= 16384, "VAE hidden_dim must be in 1..16384, got ",
              o.hidden_dim());
  TORCH_CHECK(o.latent_dim() >= 1 && o.latent_dim() <= 512, "VAE latent_dim must be in 1..512, got ",
              o.latent_dim());
  TORCH_CHECK(o.classes() >= 0 && o.classes() <= 1000, "VAE classes must be in 0..1000, got ", o.classes());
}

}  // namespace

VAEImpl::VAEImpl(const VAEOptions& options) : options_(options) { reset(); }

void VAEImpl::reset() {
  check(options_);
  using namespace torch::nn;
  const auto in = options_.input_dim(), hid = options_.hidden_dim(), d = options_.latent_dim();
  const int64_t code = options_.deterministic() ? d : 2 * d;
  // Layers built one statement at a time, in PyTorch's order: as arguments of one call their
  // order of construction (and so of random initialisation) is up to the compiler — GCC built the
  // second Linear first, clang the first, so the same seed gave two different models.
  Linear enc1(in + options_.classes(), hid);
  Linear enc2(hid, code);
  encoder = register_module("encoder", Sequential(enc1, ReLU(), enc2));
  Linear dec1(d + options_.classes(), hid);
  Linear dec2(hid, in);
  decoder = register_module("decoder", Sequential(dec1, ReLU(), dec2));
}

std::pair<torch::Tensor, torch::Tensor> VAEImpl::encode(const torch::Tensor& x, const torch::Tensor& labels) {
  TORCH_CHECK(x.dim() == 2 && x.size(1) == options_.input_dim(), "VAE expects input of shape (B, ",
              options_.input_dim(), "), got ", x.sizes());
  auto h = encoder->forward(with_class(x, labels, options_.classes()));
  if (options_.deterministic())
    return {h, {}};
  auto parts = h.chunk(2, 1);
  return {parts[0], parts[1]};
}

torch::Tensor VAEImpl::decode(const torch::Tensor& z, const torch::Tensor& labels) {
  TORCH_CHECK(z.dim() == 2 && z.size(1) == options_.latent_dim(), "VAE expects codes of shape (B, ",
              options_.latent_dim(), "), got ", z.sizes());
  return decoder->forward(with_class(z, labels, options_.classes()));
}

VAEOutput VAEImpl::forward(const torch::Tensor& x, c10::optional<at::Generator> generator, const torch::Tensor& labels) {
  auto [mu, logvar] = encode(x, labels);
  if (options_.deterministic())
    return {decode(mu, labels), mu, {}, mu};
  auto eps = generator ? randn_on(mu.sizes(), *generator, mu.options()) : at::randn(mu.sizes(), mu.options());
  auto z = mu + (0.5 * logvar).exp() * eps;
  return {decode(z, labels), mu, logvar, z};
}

Result<TensorSpecs> vae_tensors(const VAEOptions& options) {
  if (auto e = check_message([&] { check(options); }); !e.ok())
    return {{}, e.error};
  const auto in = options.input_dim(), hid = options.hidden_dim(), d = options.latent_dim();
  TensorSpecBuilder b;
  b.linear("encoder.0", in + options.classes(), hid);
  b.linear("encoder.2", hid, options.deterministic() ? d : 2 * d);
  b.linear("decoder.0", d + options.classes(), hid);
  b.linear("decoder.2", hid, in);
  return {b.specs(), {}};
}

VAELoss vae_loss(const VAEOutput& out, const torch::Tensor& x, double beta) {
  TORCH_CHECK(out.logits.sizes() == x.sizes(), "vae_loss: logits ", out.logits.sizes(),
              " and targets ", x.sizes(), " differ in shape");
  const double batch = double(x.size(0));
  auto recon = at::binary_cross_entropy_with_logits(out.logits, x, {}, {}, at::Reduction::Sum) / batch;
  auto kl = out.logvar.defined() ? -0.5 * (1 + out.logvar - out.mu.pow(2) - out.logvar.exp()).sum() / batch
                                 : at::zeros({}, recon.options());
  return {recon + beta * kl, recon, kl};
}

}  // namespace genlab
