// SPDX-License-Identifier: GPL-3.0-or-later
#include "toy/toy_models.h"

#include "nn/device.h"
#include "nn/module_encoder.h"

#include "io/numbers.h"
#include "nn/module_decoder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/binary_cross_entropy_with_logits.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros.h>
#include <c10/core/InferenceMode.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/linear.h>
#include <torch/utils.h>

#include <cmath>

namespace genlab {
namespace {

constexpr double kHalfLog2Pi = 0.91893853320467274178;  // ½·ln 2π

bool is_vae(const ToyModelOptions& o) { return o.kind() == ToyKind::Vae; }
bool is_gan(const ToyModelOptions& o) { return o.kind() == ToyKind::Gan; }

void check(const ToyModelOptions& o) {
  TORCH_CHECK(is_vae(o) || is_gan(o) || o.kind() == ToyKind::Autoencoder, "unknown toy model kind ", int(o.kind()));
  TORCH_CHECK(o.latent_dim() >= 2 && o.latent_dim() <= 128, "toy latent_dim must be in 2..128, got ", o.latent_dim());
  TORCH_CHECK(o.hidden() >= 4 && o.hidden() <= 4096, "toy hidden width must be in 4..4096, got ", o.hidden());
}

at::Tensor bce(const at::Tensor& logits, bool real) {
  return at::binary_cross_entropy_with_logits(logits, real ? at::ones_like(logits) : at::zeros_like(logits));
}

}  // namespace

const char* toy_kind_name(ToyKind kind) {
  switch (kind) {
    case ToyKind::Vae: return "VAE";
    case ToyKind::Autoencoder: return "auto-encoder";
    case ToyKind::Gan: return "GAN";
  }
  return "?";
}

torch::nn::Sequential toy_mlp(int64_t in, int64_t hidden, int64_t out, bool leaky) {
  using namespace torch::nn;
  auto act = [&]() -> AnyModule {
    return leaky ? AnyModule(LeakyReLU(LeakyReLUOptions().negative_slope(0.2))) : AnyModule(ReLU());
  };
  Sequential s;
  s->push_back(Linear(in, hidden));
  s->push_back(act());
  s->push_back(Linear(hidden, hidden));
  s->push_back(act());
  s->push_back(Linear(hidden, out));
  return s;
}

TensorSpecs toy_mlp_tensors(int64_t in, int64_t hidden, int64_t out) {
  TensorSpecBuilder b;
  b.linear("0", in, hidden);  // 1 and 3 are the activations
  b.linear("2", hidden, hidden);
  b.linear("4", hidden, out);
  return b.specs();
}

Result<TensorSpecs> toy_decoder_tensors(const ToyModelOptions& options) {
  if (auto e = check_message([&] { check(options); }); !e.ok())
    return {{}, e.error};
  TensorSpecBuilder b;  // the module's own tensors before those of `net`
  b.parameter("log_sigma", {2});
  b.buffer("data_mean", {2});
  b.buffer("data_std", {2});
  b.module("net", toy_mlp_tensors(options.latent_dim(), options.hidden(), 2));
  return {b.specs(), {}};
}

Result<TensorSpecs> toy_model_tensors(const ToyModelOptions& options) {
  auto out = toy_decoder_tensors(options);
  if (!out.ok())
    return out;
  out.value = with_prefix(out.value, "decoder.");
  const int64_t d = options.latent_dim(), h = options.hidden();
  const auto other = is_gan(options) ? with_prefix(toy_mlp_tensors(2, h, 1), "discriminator.")
                                     : with_prefix(toy_mlp_tensors(2, h, is_vae(options) ? 2 * d : d), "encoder.");
  out.value.insert(out.value.end(), other.begin(), other.end());
  return out;
}

ToyDecoderImpl::ToyDecoderImpl(const ToyModelOptions& options) : options_(options) { reset(); }

void ToyDecoderImpl::reset() {
  check(options_);
  net = register_module("net", toy_mlp(options_.latent_dim(), options_.hidden(), 2, is_gan(options_)));
  data_mean = register_buffer("data_mean", at::zeros({2}));
  data_std = register_buffer("data_std", at::ones({2}));
  log_sigma = register_parameter("log_sigma", at::zeros({2}));
}

torch::Tensor ToyDecoderImpl::forward_standardised(const torch::Tensor& z) {
  TORCH_CHECK(z.dim() == 2 && z.size(1) == options_.latent_dim(), "toy decoder expects codes of shape (B, ",
              options_.latent_dim(), "), got ", z.sizes());
  return net->forward(z);
}

torch::Tensor ToyDecoderImpl::forward(const torch::Tensor& z) { return forward_standardised(z) * data_std + data_mean; }

ToyTrainer::ToyTrainer(const ToyModelOptions& model_options, const ToyTrainerOptions& options, at::Tensor points)
    : BatchTrainer(std::move(points), options.batch_size(), options.seed(), "genlab-toy-trainer-1"),
      model_options_(model_options),
      options_(options) {
  check(model_options_);
  TORCH_CHECK(examples_.dim() == 2 && examples_.size(1) == 2, "toy models train on 2-D points (N, 2), got ",
              examples_.sizes());
  TORCH_CHECK(std::isfinite(options.lr()) && options.lr() > 0 && options.lr() <= 1, "learning rate must be in (0, 1], got ", options.lr());
  torch::manual_seed(options_.seed());
  const int64_t d = model_options_.latent_dim(), h = model_options_.hidden();
  decoder_ = ToyDecoder(model_options_);
  {
    torch::NoGradGuard no_grad;
    examples_ = examples_.to(at::kFloat).contiguous();
    decoder_->data_mean.copy_(examples_.mean(0));
    decoder_->data_std.copy_(examples_.std(0).clamp_min(1e-6));
    examples_ = ((examples_ - decoder_->data_mean) / decoder_->data_std).contiguous();  // trains standardised
  }
  save_module("decoder.", decoder_.get());
  if (is_gan(model_options_)) {
    discriminator_ = toy_mlp(2, h, 1, true);
    save_module("discriminator.", discriminator_.get());
    d_adam_ = std::make_unique<Adam>(parameters_of(*discriminator_), options_.lr(), 0.5);
    auto g = parameters_of(*decoder_->net);
    adam_ = std::make_unique<Adam>(g, options_.lr(), 0.5);
    save_optimizer("adam.discriminator.", d_adam_.get());
    save_optimizer("adam.generator.", adam_.get());
  } else {
    encoder_ = toy_mlp(2, h, is_vae(model_options_) ? 2 * d : d, false);
    save_module("encoder.", encoder_.get());
    auto params = parameters_of(*encoder_);
    for (auto& p : parameters_of(*decoder_))
      if (is_vae(model_options_) || p.first != "log_sigma")
        params.emplace_back("decoder." + p.first, p.second);
    for (size_t i = 0; i < params.size(); ++i)
      if (params[i].first.rfind("decoder.", 0) != 0)
        params[i].first = "encoder." + params[i].first;
    adam_ = std::make_unique<Adam>(params, options_.lr());
    save_optimizer("adam.", adam_.get());
  }
}

std::vector<double> ToyTrainer::step() {
  const auto x = next_batch();
  // Data-parallel: noise drawn for the whole batch (as one process draws it), this rank's rows.
  const int64_t b = batch_size_, d = model_options_.latent_dim();
  std::vector<double> out;
  if (is_gan(model_options_)) {
    const auto z = shard(randn_on({b, d}, rng_, x.options()));
    const auto fake = decoder_->forward_standardised(z);
    const auto real_logits = discriminator_->forward(x), fake_logits = discriminator_->forward(fake.detach());
    const auto d_loss = bce(real_logits, true) + bce(fake_logits, false);
    d_adam_->zero_grad();
    d_loss.backward();
    d_adam_->step();
    const auto g_loss = bce(discriminator_->forward(fake), true);
    adam_->zero_grad();
    g_loss.backward();
    adam_->step();
    torch::NoGradGuard no_grad;
    out = {d_loss.item<double>(), g_loss.item<double>(), real_logits.sigmoid().mean().item<double>(),
           fake_logits.sigmoid().mean().item<double>()};
  } else {
    const auto h = encoder_->forward(x);
    at::Tensor loss, recon, kl;
    if (is_vae(model_options_)) {
      const auto mu = h.narrow(1, 0, d), logvar = h.narrow(1, d, d);
      const auto z = mu + (0.5 * logvar).exp() * shard(randn_on({b, d}, rng_, x.options()));
      const auto mean = decoder_->forward_standardised(z);
      const auto& ls = decoder_->log_sigma;
      // −log N(x; mean, σ²) per point, summed over the two coordinates.
      recon = (0.5 * ((x - mean) * (-ls).exp()).pow(2) + ls + kHalfLog2Pi).sum(1).mean();
      kl = (-0.5 * (1 + logvar - mu.pow(2) - logvar.exp())).sum(1).mean();
      loss = recon + options_.beta() * kl;
    } else {
      recon = (x - decoder_->forward_standardised(h)).pow(2).sum(1).mean();
      loss = recon;
    }
    adam_->zero_grad();
    loss.backward();
    adam_->step();
    out = kl.defined() ? std::vector<double>{loss.item<double>(), recon.item<double>(), kl.item<double>()}
                       : std::vector<double>{recon.item<double>()};
  }
  for (double& v : out)
    v = mean_over_ranks(v);  // every rank sees the whole batch's numbers, and fails alike
  for (double v : out)
    TORCH_CHECK(std::isfinite(v), "the toy ", toy_kind_name(model_options_.kind()), " loss became ", non_finite_name(v), " at step ", steps_done(),
                " (learning rate ", options_.lr(), " too high?)");
  end_step();
  return out;
}

Status ToyTrainer::load_weights(const SafetensorsFile& file, const std::string& file_name) {
  return load_modules_weights({{"decoder.", decoder_.get()},
                               encoder_ ? PrefixedModule{"encoder.", encoder_.get()}
                                        : PrefixedModule{"discriminator.", discriminator_.get()}},
                              file, file_name);
}

Status ToyTrainer::load_weights(const std::string& weights_path) {
  const auto file = load_safetensors(weights_path);
  if (!file.ok())
    return {file.error};
  return load_weights(file.value, file_name_of(weights_path));
}

std::vector<double> ToyTrainer::evaluate(const at::Tensor& points, uint64_t noise_seed) {
  TORCH_CHECK(points.dim() == 2 && points.size(1) == 2 && points.size(0) > 0,
              "toy evaluation takes points (N, 2), N > 0, got ", points.sizes());
  torch::NoGradGuard no_grad;
  auto gen = at::make_generator<at::CPUGeneratorImpl>(noise_seed);
  const auto x = (points.to(device(), at::kFloat) - decoder_->data_mean) / decoder_->data_std;
  const int64_t d = model_options_.latent_dim();
  if (is_gan(model_options_)) {
    // As step() does, in the standardised coordinates the networks train in (MLPs without
    // batch norm or dropout: no mode to switch).
    const auto fake = decoder_->forward_standardised(randn_on({x.size(0), d}, gen, x.options()));
    const auto real_logits = discriminator_->forward(x), fake_logits = discriminator_->forward(fake);
    return {(bce(real_logits, true) + bce(fake_logits, false)).item<double>(), bce(fake_logits, true).item<double>(),
            real_logits.sigmoid().mean().item<double>(), fake_logits.sigmoid().mean().item<double>()};
  }
  const auto h = encoder_->forward(x);
  if (!is_vae(model_options_)) {
    const double r = (x - decoder_->forward_standardised(h)).pow(2).sum(1).mean().item<double>();
    return {r, r, 0.0};
  }
  const auto mu = h.narrow(1, 0, d), logvar = h.narrow(1, d, d);
  const auto z = mu + (0.5 * logvar).exp() * randn_on(mu.sizes(), gen, mu.options());
  const auto& ls = decoder_->log_sigma;
  // In data units: the standardisation's Jacobian adds Σ log std per point.
  const double recon = ((0.5 * ((x - decoder_->forward_standardised(z)) * (-ls).exp()).pow(2) + ls + kHalfLog2Pi)
                            .sum(1).mean() + decoder_->data_std.log().sum()).item<double>();
  const double kl = (-0.5 * (1 + logvar - mu.pow(2) - logvar.exp())).sum(1).mean().item<double>();
  return {recon + kl, recon, kl};
}

at::Tensor ToyTrainer::sample(int64_t n, uint64_t seed) {
  torch::NoGradGuard no_grad;
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  auto z = at::randn({n, model_options_.latent_dim()}, gen, at::TensorOptions(at::kFloat));
  if (model_options_.kind() == ToyKind::Autoencoder) {
    const auto [mean, sd] = latent_range(examples_ * decoder_->data_std.cpu() + decoder_->data_mean.cpu());
    z = z * at::tensor(sd) + at::tensor(mean);
  }
  return decoder_->forward(on_device(z)).cpu();
}

std::pair<std::vector<float>, std::vector<float>> ToyTrainer::latent_range(const at::Tensor& points) {
  const int64_t d = model_options_.latent_dim();
  if (model_options_.kind() != ToyKind::Autoencoder)
    return {std::vector<float>(size_t(d), 0.f), std::vector<float>(size_t(d), 1.f)};
  torch::NoGradGuard no_grad;
  const auto codes = encoder_->forward((points.to(device(), at::kFloat) - decoder_->data_mean) / decoder_->data_std);
  const auto mean = codes.mean(0).cpu().contiguous(), sd = codes.std(0).clamp_min(1e-6).cpu().contiguous();
  return {std::vector<float>(mean.data_ptr<float>(), mean.data_ptr<float>() + d),
          std::vector<float>(sd.data_ptr<float>(), sd.data_ptr<float>() + d)};
}

namespace {

// Codes of points in data coordinates: standardised as the networks see them, then encoded.
std::shared_ptr<const ImageEncoder> toy_encoder(torch::nn::Sequential encoder, ToyDecoder scaling, bool vae,
                                                int64_t d) {
  encoder->eval();
  return make_module_encoder(
      [encoder, mean = scaling->data_mean.clone(), sd = scaling->data_std.clone(), vae,
       d](const at::Tensor& points) mutable -> std::pair<at::Tensor, at::Tensor> {
        const auto h = encoder->forward((points - mean) / sd);
        if (!vae)
          return {h, {}};
        return {h.narrow(1, 0, d), h.narrow(1, d, d)};
      },
      {2}, d);
}

}  // namespace

std::shared_ptr<const ImageEncoder> ToyTrainer::encoder() const {
  if (!encoder_)
    return nullptr;
  torch::NoGradGuard no_grad;
  // The GUI's copies run on the CPU.
  torch::nn::Sequential encoder(std::dynamic_pointer_cast<torch::nn::SequentialImpl>(encoder_->clone(c10::kCPU)));
  ToyDecoder decoder(std::dynamic_pointer_cast<ToyDecoderImpl>(decoder_->clone(c10::kCPU)));
  return toy_encoder(encoder, decoder, is_vae(model_options_), model_options_.latent_dim());
}

Result<std::shared_ptr<const ImageEncoder>> load_toy_encoder(const SafetensorsFile& file, const std::string& file_name,
                                                             const ToyModelOptions& options) {
  if (is_gan(options))
    return {nullptr, "a GAN has no encoder"};
  try {
    const bool vae = is_vae(options);
    const int64_t d = options.latent_dim();
    auto encoder = toy_mlp(2, options.hidden(), vae ? 2 * d : d, false);
    ToyDecoder decoder(options);
    if (auto loaded = load_modules_weights({{"encoder.", encoder.ptr().get()}, {"decoder.", decoder.get()}}, file,
                                           file_name);
        !loaded.ok())
      return {nullptr, loaded.error};
    return {toy_encoder(encoder, decoder, vae, d), {}};
  } catch (const c10::Error& e) {
    return {nullptr, e.what_without_backtrace()};
  }
}

std::shared_ptr<const ToyPointDecoder> ToyTrainer::point_decoder() const {
  torch::NoGradGuard no_grad;
  return std::make_shared<ToyPointDecoder>(ToyDecoder(std::dynamic_pointer_cast<ToyDecoderImpl>(decoder_->clone(c10::kCPU))));
}

ToyPointDecoder::ToyPointDecoder(ToyDecoder decoder)
    : decoder_(std::move(decoder)), latent_dim_(decoder_->options().latent_dim()) {
  decoder_->eval();
}

std::vector<float> ToyPointDecoder::points(const std::vector<float>& codes) const {
  const int64_t count = int64_t(codes.size()) / latent_dim_;
  if (count < 1 || int64_t(codes.size()) != count * latent_dim_)
    return {};
  c10::InferenceMode guard;  // eval-mode MLP, no state changes: safe from any thread
  const auto z = at::from_blob(const_cast<float*>(codes.data()), {count, latent_dim_}, at::kFloat);
  const auto p = decoder_->forward(z).contiguous();
  return std::vector<float>(p.data_ptr<float>(), p.data_ptr<float>() + 2 * count);
}

Result<std::shared_ptr<const ToyPointDecoder>> load_toy_decoder(const SafetensorsFile& file,
                                                                const std::string& file_name,
                                                                const ToyModelOptions& options) {
  try {
    ToyDecoder d(options);
    if (auto loaded = load_module_weights(*d, file, file_name, "decoder."); !loaded.ok())
      return {nullptr, loaded.error};
    return {std::make_shared<ToyPointDecoder>(d), {}};
  } catch (const c10::Error& e) {
    return {nullptr, e.what_without_backtrace()};
  }
}

Result<std::shared_ptr<const ToyPointDecoder>> load_toy_decoder(const std::string& weights_path,
                                                                const ToyModelOptions& options) {
  const auto file = load_safetensors(weights_path);
  if (!file.ok())
    return {nullptr, file.error};
  return load_toy_decoder(file.value, file_name_of(weights_path), options);
}

}  // namespace genlab
