// SPDX-License-Identifier: GPL-3.0-or-later
#include "genlab/dcgan.h"

#include "genlab/safetensors.h"


#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/binary_cross_entropy_with_logits.h>
#include <ATen/ops/from_blob.h>
#include <c10/core/InferenceMode.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/utils.h>

#include <cmath>
#include <filesystem>

namespace genlab {
namespace {

void check(const DCGANOptions& o) {
  TORCH_CHECK(o.image_size() == 28 || o.image_size() == 32 || o.image_size() == 64,
              "DCGAN image_size must be 28, 32 or 64, got ", o.image_size());
  TORCH_CHECK(o.channels() == 1 || o.channels() == 3, "DCGAN channels must be 1 or 3, got ", o.channels());
  TORCH_CHECK(o.latent_dim() >= 2 && o.latent_dim() <= 512, "DCGAN latent_dim must be in 2..512, got ", o.latent_dim());
  TORCH_CHECK(o.width() >= 4 && o.width() <= 512, "DCGAN width must be in 4..512, got ", o.width());
}

// 28 px starts at 7×7 and doubles twice; 32 and 64 px start at 4×4 and double 3 or 4 times.
int64_t start_size(const DCGANOptions& o) { return o.image_size() == 28 ? 7 : 4; }
int64_t doublings(const DCGANOptions& o) {
  return int64_t(std::lround(std::log2(double(o.image_size()) / double(start_size(o)))));
}

at::Tensor bce(const at::Tensor& logits, double target) {
  const auto t = target > 0.5 ? at::ones_like(logits) : at::zeros_like(logits);
  return at::binary_cross_entropy_with_logits(logits, t);
}

class GeneratorDecoder final : public ImageDecoder {
 public:
  explicit GeneratorDecoder(Generator g) : g_(std::move(g)) { g_->eval(); }
  int64_t latent_dim() const override { return g_->options().latent_dim(); }
  int64_t channels() const override { return g_->options().channels(); }
  int64_t side() const override { return g_->options().image_size(); }
  std::vector<float> decode(const std::vector<float>& z) const override {
    if (int64_t(z.size()) != latent_dim())
      return {};
    // Eval mode reads BatchNorm's running statistics and changes nothing: safe from any thread.
    c10::InferenceMode guard;
    const auto in = at::from_blob(const_cast<float*>(z.data()), {1, latent_dim()}, at::kFloat);
    const auto out = g_->forward(in).add(1).mul_(0.5).clamp_(0, 1).contiguous();
    return std::vector<float>(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
  }

 private:
  mutable Generator g_;
};

}  // namespace

GeneratorImpl::GeneratorImpl(const DCGANOptions& options) : options_(options) { reset(); }

void GeneratorImpl::reset() {
  check(options_);
  using namespace torch::nn;
  const int64_t n = doublings(options_);
  start_size_ = start_size(options_);
  start_channels_ = options_.width() << (n - 1);
  project = register_module("project", Linear(options_.latent_dim(), start_channels_ * start_size_ * start_size_));
  main = register_module("main", Sequential());
  int64_t c = start_channels_;
  for (int64_t i = 0; i < n; ++i) {
    const bool last = i == n - 1;
    const int64_t out = last ? options_.channels() : c / 2;
    main->push_back(BatchNorm2d(c));
    main->push_back(ReLU());
    main->push_back(ConvTranspose2d(ConvTranspose2dOptions(c, out, 4).stride(2).padding(1).bias(last)));
    c = out;
  }
  main->push_back(Tanh());
}

torch::Tensor GeneratorImpl::forward(const torch::Tensor& z) {
  TORCH_CHECK(z.dim() == 2 && z.size(1) == options_.latent_dim(), "Generator expects noise of shape (B, ",
              options_.latent_dim(), "), got ", z.sizes());
  return main->forward(project->forward(z).view({z.size(0), start_channels_, start_size_, start_size_}));
}

DiscriminatorImpl::DiscriminatorImpl(const DCGANOptions& options) : options_(options) { reset(); }

void DiscriminatorImpl::reset() {
  check(options_);
  using namespace torch::nn;
  const int64_t n = doublings(options_);
  main = register_module("main", Sequential());
  int64_t c = options_.channels();
  for (int64_t i = 0; i < n; ++i) {
    const int64_t out = options_.width() << i;
    main->push_back(Conv2d(Conv2dOptions(c, out, 4).stride(2).padding(1).bias(i == 0)));
    if (i > 0)  // no normalisation on the input layer (DCGAN paper)
      main->push_back(BatchNorm2d(out));
    main->push_back(LeakyReLU(LeakyReLUOptions().negative_slope(0.2)));
    c = out;
  }
  const int64_t s = start_size(options_);
  classify = register_module("classify", Linear(c * s * s, 1));
}

torch::Tensor DiscriminatorImpl::forward(const torch::Tensor& x) {
  const int64_t size = options_.image_size();
  TORCH_CHECK(x.dim() == 4 && x.size(1) == options_.channels() && x.size(2) == size && x.size(3) == size,
              "Discriminator expects images of shape (B, ", options_.channels(), ", ", size, ", ", size, "), got ",
              x.sizes());
  return classify->forward(main->forward(x).flatten(1)).view({-1});
}

GanTrainer::GanTrainer(const DCGANOptions& model_options, const GanTrainerOptions& options, at::Tensor images)
    : BatchTrainer(std::move(images), options.batch_size(), options.seed(), "genlab-gan-trainer-1"),
      options_(options) {
  const int64_t s = model_options.image_size();
  TORCH_CHECK(examples_.dim() == 4 && examples_.size(1) == model_options.channels() && examples_.size(2) == s &&
                  examples_.size(3) == s,
              "GAN training images must have shape (N, ", model_options.channels(), ", ", s, ", ", s, "), got ",
              examples_.sizes());
  examples_ = examples_.to(at::kFloat).mul(2).sub_(1).contiguous();  // [0, 1] → [−1, 1], tanh's range
  torch::manual_seed(options_.seed());
  generator_ = Generator(model_options);
  discriminator_ = Discriminator(model_options);
  g_adam_ = std::make_unique<Adam>(parameters_of(*generator_), options_.lr(), options_.beta1());
  d_adam_ = std::make_unique<Adam>(parameters_of(*discriminator_), options_.lr(), options_.beta1());
  save_module("generator.", generator_.get());
  save_module("discriminator.", discriminator_.get());
  save_optimizer("adam.discriminator.", d_adam_.get());
  save_optimizer("adam.generator.", g_adam_.get());
}

GanLosses GanTrainer::step() {
  const int64_t b = options_.batch_size();
  const auto real = next_batch();
  const auto z = at::randn({b, generator_->options().latent_dim()}, rng_, real.options());
  generator_->train();
  discriminator_->train();

  // Fix G, train D: real → 1, generated → 0.
  const auto fake = generator_->forward(z);
  const auto real_logits = discriminator_->forward(real);
  const auto fake_logits = discriminator_->forward(fake.detach());
  const auto d_loss = bce(real_logits, 1) + bce(fake_logits, 0);
  d_adam_->zero_grad();
  d_loss.backward();
  d_adam_->step();

  // Fix D, train G: make D call the generated images real (the non-saturating loss).
  const auto g_loss = bce(discriminator_->forward(fake), 1);
  g_adam_->zero_grad();
  g_loss.backward();
  g_adam_->step();

  GanLosses out;
  {
    torch::NoGradGuard no_grad;
    out.d_loss = d_loss.item<double>();
    out.g_loss = g_loss.item<double>();
    out.d_real = real_logits.sigmoid().mean().item<double>();
    out.d_fake = fake_logits.sigmoid().mean().item<double>();
  }
  TORCH_CHECK(std::isfinite(out.d_loss) && std::isfinite(out.g_loss), "the GAN losses became ", out.d_loss, " and ",
              out.g_loss, " at step ", steps_done(), " (learning rate ", options_.lr(), " too high?)");
  end_step();
  return out;
}

at::Tensor GanTrainer::sample(int64_t n, uint64_t seed) {
  torch::NoGradGuard no_grad;
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  const auto z = at::randn({n, generator_->options().latent_dim()}, gen, at::TensorOptions(at::kFloat));
  generator_->eval();
  const auto images = generator_->forward(z).add(1).mul_(0.5).clamp_(0, 1);
  generator_->train();
  return images;
}

std::shared_ptr<const ImageDecoder> GanTrainer::decoder() const {
  torch::NoGradGuard no_grad;
  auto copy = std::dynamic_pointer_cast<GeneratorImpl>(generator_->clone());
  return std::make_shared<GeneratorDecoder>(Generator(copy));
}

std::shared_ptr<const ImageDecoder> load_generator_decoder(const std::string& weights_path, const DCGANOptions& options,
                                                           std::string* error) {
  try {
    auto file = load_safetensors(weights_path);
    if (!file.ok()) {
      *error = file.error;
      return nullptr;
    }
    torch::NoGradGuard no_grad;
    Generator g(options);
    auto all = g->named_parameters();
    for (const auto& b : g->named_buffers())
      all.insert(b.key(), b.value());
    for (auto& p : all) {
      const auto t = file.value.find("generator." + p.key());
      if (!t.defined() || t.sizes() != p.value().sizes() || t.scalar_type() != p.value().scalar_type()) {
        *error = std::filesystem::path(weights_path).filename().string() + ": 'generator." + p.key() +
                 "' is missing or of another shape";
        return nullptr;
      }
      p.value().copy_(t);
    }
    return std::make_shared<GeneratorDecoder>(g);
  } catch (const c10::Error& e) {
    *error = e.what_without_backtrace();
    return nullptr;
  }
}

}  // namespace genlab
