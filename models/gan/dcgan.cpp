// SPDX-License-Identifier: GPL-3.0-or-later
#include "gan/dcgan.h"

#include "io/numbers.h"
#include "nn/conv_geometry.h"
#include "nn/class_code.h"
#include "nn/conv_transpose.h"
#include "nn/device.h"
#include "nn/module_decoder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/Reduction.h>
#include <ATen/ops/binary_cross_entropy_with_logits.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros.h>
#include <c10/core/InferenceMode.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>

namespace genlab {
namespace {

void check(const DCGANOptions& o) {
  conv_geometry::check("DCGAN", o.image_size(), o.channels(), o.latent_dim(), o.width(), 512);
}
int64_t start_size(const DCGANOptions& o) { return conv_geometry::start_size(o.image_size()); }
int64_t doublings(const DCGANOptions& o) { return conv_geometry::doublings(o.image_size()); }

at::Tensor bce(const at::Tensor& logits, double target) {
  const auto t = target > 0.5 ? at::ones_like(logits) : at::zeros_like(logits);
  return at::binary_cross_entropy_with_logits(logits, t);
}

at::Tensor tanh_to_unit(const at::Tensor& y) { return y.add(1).mul_(0.5).clamp_(0, 1); }

std::shared_ptr<const ImageDecoder> make_decoder(Generator g) {
  const auto& o = g->options();
  return std::make_shared<ModuleDecoder<Generator>>(g, o.latent_dim(), o.channels(), o.image_size(), tanh_to_unit,
                                                    o.classes());
}

}  // namespace

GeneratorImpl::GeneratorImpl(const DCGANOptions& options) : options_(options) { reset(); }

void GeneratorImpl::reset() {
  check(options_);
  using namespace torch::nn;
  const int64_t n = doublings(options_);
  start_size_ = start_size(options_);
  start_channels_ = options_.width() << (n - 1);
  project = register_module("project", Linear(options_.latent_dim() + options_.classes(),
                                               start_channels_ * start_size_ * start_size_));
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
  TORCH_CHECK(z.dim() == 2 && z.size(1) == options_.latent_dim() + options_.classes(), "Generator expects codes of shape (B, ",
              options_.latent_dim() + options_.classes(), "), got ", z.sizes());
  return forward_fast(main, project->forward(z).view({z.size(0), start_channels_, start_size_, start_size_}));
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
  const int64_t features = (c + (options_.minibatch_std() ? 1 : 0)) * s * s;
  classify = register_module("classify", Linear(features, 1));
  if (options_.classes() > 0) {
    project = register_module("project", Embedding(options_.classes(), features));
    torch::NoGradGuard no_grad;
    project->weight.zero_();  // starts as the unconditional discriminator; learns what each class looks like
  }
}

torch::Tensor DiscriminatorImpl::forward(const torch::Tensor& x, const torch::Tensor& labels) {
  const int64_t size = options_.image_size();
  TORCH_CHECK(x.dim() == 4 && x.size(1) == options_.channels() && x.size(2) == size && x.size(3) == size,
              "Discriminator expects images of shape (B, ", options_.channels(), ", ", size, ", ", size, "), got ",
              x.sizes());
  auto h = main->forward(x);
  if (options_.minibatch_std())
    h = append_minibatch_std(h);
  h = h.flatten(1);
  auto logits = classify->forward(h).view({-1});
  if (options_.classes() > 0) {
    TORCH_CHECK(labels.defined() && labels.dim() == 1 && labels.size(0) == x.size(0),
                "a discriminator told the class needs one label per image, got ",
                labels.defined() ? labels.sizes() : at::IntArrayRef{}, " for ", x.size(0), " images");
    logits = logits + (project->forward(labels.to(at::kLong)).to(h.scalar_type()) * h).sum(1).to(logits.scalar_type());
  }
  return logits;
}

Result<TensorSpecs> generator_tensors(const DCGANOptions& options) {
  if (auto e = check_message([&] { check(options); }); !e.ok())
    return {{}, e.error};
  const int64_t n = doublings(options), s = start_size(options);
  TensorSpecBuilder b;
  int64_t c = options.width() << (n - 1);
  b.linear("project", options.latent_dim() + options.classes(), c * s * s);
  for (int64_t i = 0; i < n; ++i) {  // BatchNorm2d, ReLU, ConvTranspose2d
    const bool last = i == n - 1;
    const int64_t out = last ? options.channels() : c / 2;
    b.batch_norm("main." + std::to_string(3 * i), c);
    b.conv_transpose("main." + std::to_string(3 * i + 2), c, out, {4, 4}, /*bias=*/last);
    c = out;
  }
  return {b.specs(), {}};
}

Result<TensorSpecs> discriminator_tensors(const DCGANOptions& options) {
  if (auto e = check_message([&] { check(options); }); !e.ok())
    return {{}, e.error};
  const int64_t n = doublings(options), s = start_size(options);
  TensorSpecBuilder b;
  int64_t c = options.channels(), index = 0;
  for (int64_t i = 0; i < n; ++i) {  // Conv2d, (BatchNorm2d,) LeakyReLU
    const int64_t out = options.width() << i;
    b.conv("main." + std::to_string(index++), c, out, {4, 4}, /*bias=*/i == 0);
    if (i > 0)
      b.batch_norm("main." + std::to_string(index++), out);
    ++index;
    c = out;
  }
  const int64_t features = (c + (options.minibatch_std() ? 1 : 0)) * s * s;
  b.linear("classify", features, 1);
  if (options.classes() > 0)
    b.embedding("project", options.classes(), features);
  return {b.specs(), {}};
}

at::Tensor append_minibatch_std(const at::Tensor& features) {
  TORCH_CHECK(features.dim() == 4, "minibatch deviation expects features (B, C, H, W), got ", features.sizes());
  const int64_t b = features.size(0), h = features.size(2), w = features.size(3);
  const int64_t group = b % 4 == 0 ? 4 : b % 2 == 0 ? 2 : b;
  const auto y = features.to(at::kFloat).reshape({b / group, group, -1});
  const auto deviation = (y - y.mean(1, true)).pow(2).mean(1).add(1e-8).sqrt().mean(1);  // (B / group)
  const auto map = deviation.view({b / group, 1, 1, 1, 1}).expand({b / group, group, 1, h, w}).reshape({b, 1, h, w});
  return at::cat({features, map.to(features.scalar_type())}, 1);
}

GanTrainer::GanTrainer(const DCGANOptions& model_options, const GanTrainerOptions& options, at::Tensor images,
                       at::Tensor labels)
    : BatchTrainer(std::move(images), options.batch_size(), options.seed(), "genlab-gan-trainer-1"),
      options_(options), labels_(std::move(labels)) {
  const int64_t s = model_options.image_size();
  TORCH_CHECK(examples_.dim() == 4 && examples_.size(1) == model_options.channels() && examples_.size(2) == s &&
                  examples_.size(3) == s,
              "GAN training images must have shape (N, ", model_options.channels(), ", ", s, ", ", s, "), got ",
              examples_.sizes());
  examples_ = examples_.to(at::kFloat).mul(2).sub_(1).contiguous();  // [0, 1] → [−1, 1], tanh's range
  labels_ = checked_labels(labels_, model_options.classes(), examples_.size(0), "a GAN");
  torch::manual_seed(options_.seed());
  generator_ = Generator(model_options);
  discriminator_ = Discriminator(model_options);
  g_adam_ = std::make_unique<Adam>(parameters_of(*generator_), options_.lr(), options_.beta1(), options_.beta2());
  d_adam_ = std::make_unique<Adam>(parameters_of(*discriminator_), d_lr(), options_.beta1(), options_.beta2());
  save_module("generator.", generator_.get());
  save_module("discriminator.", discriminator_.get());
  save_optimizer("adam.discriminator.", d_adam_.get());
  save_optimizer("adam.generator.", g_adam_.get());
  // The discriminator's weights get their gradient from its own backward only (they are frozen in
  // the generator's), the generator's from the generator's backward only (fakes are detached).
  overlap_all_reduce_ = true;
}

GanLosses GanTrainer::step() {
  g_adam_->set_lr(decayed_lr(options_.lr(), steps_done()));
  d_adam_->set_lr(decayed_lr(d_lr(), steps_done()));
  const int64_t b = options_.batch_size();
  const auto index = next_batch_indices();
  const auto real = on_device(examples_.index_select(0, index));
  // Told the class: the fakes are drawn for the real images' classes, so both halves of D's batch
  // hold the same classes and the generator is asked for each as often as the data has it.
  const auto labels = labels_.defined() ? on_device(labels_.index_select(0, index)) : at::Tensor();
  const int64_t classes = generator_->options().classes();
  // Data-parallel: the whole batch's codes, as one process draws them; this rank's share.
  const auto z = with_class(shard(randn_on({b, generator_->options().latent_dim()}, rng_, real.options())), labels, classes);
  generator_->train();
  discriminator_->train();

  // Fix G, train D: real → 1, generated → 0. Forward passes in the chosen arithmetic, the logits
  // and losses in float32; backward follows the forward's casts.
  const Precision precision = options_.precision();
  at::Tensor fake, real_logits, fake_logits;
  {
    PrecisionScope scope(precision, device());
    fake = generator_->forward(z);
    real_logits = discriminator_->forward(real, labels).to(at::kFloat);
    fake_logits = discriminator_->forward(fake.detach(), labels).to(at::kFloat);
  }
  const auto d_loss = bce(real_logits, 1) + bce(fake_logits, 0);
  d_adam_->zero_grad();
  d_loss.backward();
  d_adam_->step();

  // Fix D, train G: make D call the generated images real (the non-saturating loss). D is fixed
  // literally: its weights need no gradient here, so backward skips their (large) weight gradients
  // and computes only what flows back to G.
  for (auto& p : discriminator_->parameters())
    p.requires_grad_(false);
  at::Tensor g_logits;
  {
    PrecisionScope scope(precision, device());
    g_logits = discriminator_->forward(fake, labels).to(at::kFloat);
  }
  const auto g_loss = bce(g_logits, 1);
  g_adam_->zero_grad();
  g_loss.backward();
  for (auto& p : discriminator_->parameters())
    p.requires_grad_(true);
  g_adam_->step();

  GanLosses out;
  {
    torch::NoGradGuard no_grad;
    out.d_loss = mean_over_ranks(d_loss.item<double>());
    out.g_loss = mean_over_ranks(g_loss.item<double>());
    out.d_real = mean_over_ranks(real_logits.sigmoid().mean().item<double>());
    out.d_fake = mean_over_ranks(fake_logits.sigmoid().mean().item<double>());
  }
  TORCH_CHECK(std::isfinite(out.d_loss) && std::isfinite(out.g_loss), "the GAN losses became ", loss_text(out.d_loss), " and ",
              loss_text(out.g_loss), " at step ", steps_done(), " (learning rate ", options_.lr(), " too high?)");
  end_step();
  return out;
}

at::Tensor GanTrainer::sample(int64_t n, uint64_t seed) {
  torch::NoGradGuard no_grad;
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  const auto& o = generator_->options();
  auto z = randn_on({n, o.latent_dim()}, gen, at::TensorOptions(at::kFloat).device(device()));
  if (o.classes() > 0)
    z = with_class(z, classes_in_turn(n, o.classes()), o.classes());
  generator_->eval();
  const auto images = tanh_to_unit(generator_->forward(z)).cpu();
  generator_->train();
  return images;
}

std::shared_ptr<const ImageDecoder> GanTrainer::decoder() const {
  torch::NoGradGuard no_grad;
  auto copy = std::dynamic_pointer_cast<GeneratorImpl>(generator_->clone());
  copy->to(c10::kCPU);  // the GUI's copy decodes on the CPU
  return make_decoder(Generator(copy));
}

GanLosses GanTrainer::evaluate(const at::Tensor& images, const at::Tensor& labels, uint64_t seed) {
  return evaluate_gan(generator_, discriminator_, images, labels, seed);
}

GanLosses evaluate_gan(Generator& g, Discriminator& d, const at::Tensor& images, const at::Tensor& labels, uint64_t seed,
                       int64_t batch) {
  const auto& o = d->options();
  const int64_t size = o.image_size();
  TORCH_CHECK(images.dim() == 4 && images.size(1) == o.channels() && images.size(2) == size && images.size(3) == size,
              "GAN evaluation images must have shape (N, ", o.channels(), ", ", size, ", ", size, "), got ",
              images.sizes());
  const int64_t n = images.size(0);
  TORCH_CHECK(n > 0, "the GAN evaluation set is empty");
  TORCH_CHECK(labels.defined() == (o.classes() > 0) && (!labels.defined() || labels.numel() == n),
              o.classes() > 0 ? "a GAN told the class is evaluated with one label per image" : "labels given to a GAN not told the class");
  TORCH_CHECK(batch >= 1, "evaluation batch must be at least 1, got ", batch);
  // Eval mode: batch norm reads its running statistics and updates nothing, so the numbers do not
  // depend on how the set is cut into batches. The modes come back however this returns.
  struct RestoreMode {
    torch::nn::Module& m;
    bool was_training;
    ~RestoreMode() { m.train(was_training); }
  } restore_g{*g, g->is_training()}, restore_d{*d, d->is_training()};
  g->eval();
  d->eval();
  c10::InferenceMode no_grad;
  // All the noise at once: the same fakes whatever `batch` is.
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  const c10::Device device = device_of(*d);
  const auto z = randn_on({n, g->options().latent_dim()}, gen, at::TensorOptions(at::kFloat).device(device));
  const auto sum = at::Reduction::Sum;
  double real_bce = 0, fake_bce = 0, g_bce = 0, d_real = 0, d_fake = 0;
  for (int64_t from = 0; from < n; from += batch) {
    const int64_t count = std::min(batch, n - from);
    const auto x = images.narrow(0, from, count).to(device, at::kFloat).mul(2).sub_(1);  // [0, 1] → [−1, 1]
    const auto y = labels.defined() ? labels.narrow(0, from, count).to(device, at::kLong) : at::Tensor();
    const auto code = with_class(z.narrow(0, from, count), y, o.classes());
    const auto real_logits = d->forward(x, y).to(at::kDouble);
    const auto fake_logits = d->forward(g->forward(code), y).to(at::kDouble);
    const auto ones = at::ones_like(real_logits), zeros = at::zeros_like(real_logits);
    real_bce += at::binary_cross_entropy_with_logits(real_logits, ones, {}, {}, sum).item<double>();
    fake_bce += at::binary_cross_entropy_with_logits(fake_logits, zeros, {}, {}, sum).item<double>();
    g_bce += at::binary_cross_entropy_with_logits(fake_logits, ones, {}, {}, sum).item<double>();
    d_real += real_logits.sigmoid().sum().item<double>();
    d_fake += fake_logits.sigmoid().sum().item<double>();
  }
  const double inv = 1.0 / double(n);
  return {(real_bce + fake_bce) * inv, g_bce * inv, d_real * inv, d_fake * inv};
}

Status load_gan(Generator& g, Discriminator& d, const SafetensorsFile& file, const std::string& file_name) {
  return load_modules_weights({{"generator.", g.get()}, {"discriminator.", d.get()}}, file, file_name);
}

Status load_gan(Generator& g, Discriminator& d, const std::string& weights_path) {
  const auto file = load_safetensors(weights_path);
  if (!file.ok())
    return {file.error};
  return load_gan(g, d, file.value, file_name_of(weights_path));
}

Result<std::shared_ptr<const ImageDecoder>> load_generator_decoder(const SafetensorsFile& file,
                                                                   const std::string& file_name,
                                                                   const DCGANOptions& options) {
  try {
    Generator g(options);
    if (auto loaded = load_module_weights(*g, file, file_name, "generator."); !loaded.ok())
      return {nullptr, loaded.error};
    return {make_decoder(g), {}};
  } catch (const c10::Error& e) {
    return {nullptr, e.what_without_backtrace()};
  }
}

Result<std::shared_ptr<const ImageDecoder>> load_generator_decoder(const std::string& weights_path,
                                                                   const DCGANOptions& options) {
  const auto file = load_safetensors(weights_path);
  if (!file.ok())
    return {nullptr, file.error};
  return load_generator_decoder(file.value, file_name_of(weights_path), options);
}

}  // namespace genlab
