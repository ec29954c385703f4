// SPDX-License-Identifier: GPL-3.0-or-later
#include "vae/vae_trainer.h"

#include "dist/data_parallel.h"
#include "nn/class_code.h"
#include "nn/device.h"
#include "nn/module_encoder.h"

#include "io/numbers.h"
#include "io/safetensors.h"
#include "nn/module_decoder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/addmm.h>
#include <ATen/ops/dot.h>
#include <ATen/ops/index_select.h>
#include <ATen/ops/softplus.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/mm.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/sum.h>
#include <ATen/ops/threshold_backward.h>
#include <ATen/ops/zeros.h>
#include <torch/utils.h>

#include <cmath>

namespace genlab {
namespace {

// The trainer's own checks, before BatchTrainer takes the images (as float, contiguous).
at::Tensor checked_images(const VAEOptions& model_options, const VaeTrainerOptions& options, at::Tensor images) {
  TORCH_CHECK(options.batch_size() >= 1 && options.batch_size() <= 65536,
              "batch size must be in 1..65536, got ", options.batch_size());
  TORCH_CHECK(std::isfinite(options.lr()) && options.lr() > 0 && options.lr() <= 1,
              "learning rate must be in (0, 1], got ", options.lr());
  TORCH_CHECK(std::isfinite(options.beta()) && options.beta() >= 0 && options.beta() <= 1000,
              "beta must be in [0, 1000], got ", options.beta());
  TORCH_CHECK(images.dim() == 2 && images.size(1) == model_options.input_dim(),
              "training images must have shape (N, ", model_options.input_dim(), "), got ",
              images.sizes());
  TORCH_CHECK(images.size(0) > 0, "the training set is empty");
  return images.to(torch::kFloat).contiguous();
}

}  // namespace

VaeTrainer::VaeTrainer(const VAEOptions& model_options, const VaeTrainerOptions& options,
                       torch::Tensor images, torch::Tensor labels)
    : BatchTrainer(checked_images(model_options, options, std::move(images)), options.batch_size(), options.seed(),
                   "genlab-vae-trainer-1", /*drop_last=*/false),
      options_(options), labels_(std::move(labels)) {
  labels_ = checked_labels(labels_, model_options.classes(), examples_.size(0), "a VAE");
  torch::manual_seed(options_.seed());  // initial weights
  model_ = VAE(model_options);

  torch::NoGradGuard no_grad;
  auto params = model_->named_parameters();
  int64_t total = 0;
  for (const auto& p : params)
    total += p.value().numel();
  flat_ = at::zeros({total}, at::kFloat);
  grad_ = at::zeros({total}, at::kFloat);
  bind_parameters(/*copy_values=*/true);
  // One Adam over the one flat parameter: its state is "adam.exp_avg" and "adam.exp_avg_sq".
  flat_.mutable_grad() = grad_;
  adam_ = std::make_unique<Adam>(std::vector<std::pair<std::string, at::Tensor>>{{"", flat_}}, options_.lr());
  save_module("", model_.get());
  save_optimizer("adam", adam_.get());
}

void VaeTrainer::bind_parameters(bool copy_values) {
  auto params = model_->named_parameters();
  int64_t offset = 0;
  auto bind = [&](const char* name, torch::Tensor& w, torch::Tensor& g) {
    auto p = params[name];
    const int64_t n = p.numel();
    auto view = flat_.narrow(0, offset, n).view(p.sizes());
    if (copy_values)
      view.copy_(p);
    p.set_data(view);
    w = p;
    g = grad_.narrow(0, offset, n).view(p.sizes());
    offset += n;
  };
  bind("encoder.0.weight", w1_, gw1_);
  bind("encoder.0.bias", b1_, gb1_);
  bind("encoder.2.weight", w2_, gw2_);
  bind("encoder.2.bias", b2_, gb2_);
  bind("decoder.0.weight", w3_, gw3_);
  bind("decoder.0.bias", b3_, gb3_);
  bind("decoder.2.weight", w4_, gw4_);
  bind("decoder.2.bias", b4_, gb4_);
  TORCH_CHECK(offset == flat_.numel(), "VAE has parameters the trainer does not know");
}

void VaeTrainer::set_device(c10::Device device) {
  torch::NoGradGuard no_grad;
  BatchTrainer::set_device(device);  // the model's parameters and Adam's moments
  // set_data, not a new tensor: Adam holds flat_ as its parameter.
  if (flat_.device() != device) {
    flat_.set_data(flat_.to(device));
    grad_ = grad_.to(device);
    flat_.mutable_grad() = grad_;
  }
  bind_parameters(/*copy_values=*/false);
  ws_rows_ = 0;  // the workspace is made again, there
}

void VaeTrainer::ensure_workspace(int64_t rows) {
  if (ws_rows_ >= rows)
    return;
  const int64_t in = model_->options().input_dim(), hid = model_->options().hidden_dim();
  const int64_t d = model_->options().latent_dim();
  auto make = [rows, this](int64_t cols) { return at::empty({rows, cols}, at::TensorOptions(at::kFloat).device(device())); };
  x_ = make(in);
  h1_ = make(hid);
  const int64_t code = model_->options().deterministic() ? d : 2 * d;
  e_ = make(code);
  eps_ = make(d);
  z_ = make(d);
  h2_ = make(hid);
  logits_ = make(in);
  scratch_ = make(in);
  g4_ = make(in);
  g3_ = make(hid);
  gz_ = make(d);
  g2_ = make(code);
  g1_ = make(hid);
  if (const int64_t classes = model_->options().classes(); classes > 0) {
    xin_ = make(in + classes);
    zin_ = make(d + classes);
  }
  ws_rows_ = rows;
}

VaeLosses VaeTrainer::step() {
  torch::NoGradGuard no_grad;
  adam_->set_lr(decayed_lr(options_.lr(), steps_done()));
  // Data-parallel: this rank's rows of the batch every rank draws alike; its gradients are scaled
  // by ranks / batch, so their mean over the ranks is the whole batch's.
  DataParallel* group = data_parallel();
  const auto batch = next_whole_batch_indices();
  const int64_t whole = batch.size(0), ranks = group ? group->world_size() : 1;
  const auto mine_rows = rank_rows(whole);
  const int64_t mine = mine_rows.first, count = mine_rows.second;
  const int64_t B = options_.batch_size(), d = model_->options().latent_dim();
  const double inv = double(ranks) / double(whole), beta = options_.beta();
  // Every intermediate lives in a buffer kept between steps: a fresh 400 KB tensor per op
  // costs an mmap and page faults each time, which is a fifth of the step at this size.
  ensure_workspace(B);
  auto rows = [count](const at::Tensor& t) { return t.narrow(0, 0, count); };
  auto x = rows(x_), h1 = rows(h1_), e = rows(e_), eps = rows(eps_), z = rows(z_), h2 = rows(h2_);
  auto logits = rows(logits_), scratch = rows(scratch_), g4 = rows(g4_), g3 = rows(g3_), gz = rows(gz_);
  auto g2 = rows(g2_), g1 = rows(g1_);

  // Forward.
  const auto picked = batch.narrow(0, mine, count);
  if (device().is_cpu())
    at::index_select_out(x, examples_, 0, picked);
  else  // the images stay in the CPU's memory: this batch's go over
    x.copy_(examples_.index_select(0, picked));
  // Told the class: the encoder reads the image then the one-hot class, the decoder the code then
  // the class; only the code's part of the decoder's input gradient flows back to the encoder.
  const int64_t classes = model_->options().classes(), in = model_->options().input_dim();
  at::Tensor xin = x, zin = z;
  if (classes > 0) {
    const auto y = on_device(labels_.index_select(0, picked)).unsqueeze(1);
    xin = rows(xin_);
    zin = rows(zin_);
    xin.narrow(1, 0, in).copy_(x);
    xin.narrow(1, in, classes).zero_().scatter_(1, y, 1.0);
    zin.narrow(1, d, classes).zero_().scatter_(1, y, 1.0);
  }
  at::addmm_out(h1, b1_, xin, w1_.t()).relu_();
  at::addmm_out(e, b2_, h1, w2_.t());
  const bool autoencoder = model_->options().deterministic();
  double kl_sum = 0;
  if (autoencoder) {
    z.copy_(e);  // the code is the encoder's output
  } else {
    // The whole batch's draw with data-parallel (as one process makes it), this rank's rows of it;
    // drawn in the CPU's memory by the run's generator whatever the device.
    const int64_t drawn_rows = group ? whole : count, first = group ? mine : 0;
    if (device().is_cpu()) {
      eps_.narrow(0, 0, drawn_rows).normal_(0.0, 1.0, rng_);
    } else {
      eps_.narrow(0, 0, drawn_rows).copy_(at::empty({drawn_rows, d}, at::kFloat).normal_(0.0, 1.0, rng_));
    }
    eps = eps_.narrow(0, first, count);
    kl_sum = latent_forward(e, eps, z, count);
  }
  const double kl = autoencoder ? 0.0 : -0.5 * kl_sum * inv;
  if (classes > 0)
    zin.narrow(1, 0, d).copy_(z);
  at::addmm_out(h2, b3_, zin, w3_.t()).relu_();
  at::addmm_out(logits, b4_, h2, w4_.t());
  // BCE with logits, summed: Σ softplus(l) − Σ x·l.
  at::softplus_out(scratch, logits, 1, 20);
  const double recon =
      (scratch.sum().item<double>() - at::dot(x.view(-1), logits.view(-1)).item<double>()) * inv;
  double total = recon + beta * kl;
  if (group) {  // the whole batch's numbers on every rank (each holds its rows' share), checked alike
    total = group->all_reduce_sum(total) / double(ranks);
    reported_recon_ = group->all_reduce_sum(recon) / double(ranks);
    reported_kl_ = group->all_reduce_sum(kl) / double(ranks);
  }
  TORCH_CHECK(std::isfinite(total), "the loss became ", non_finite_name(total), " at step ", steps_done() + 1,
              " (learning rate ", options_.lr(), " too high?)");

  // Backward: d/dlogits BCE = σ(logits) − x; KL gives μ and ½(σ² − 1).
  at::sigmoid_out(g4, logits).sub_(x).mul_(inv);
  at::mm_out(gw4_, g4.t(), h2);
  at::sum_out(gb4_, g4, 0);
  at::mm_out(g3, g4, w4_);
  at::threshold_backward_out(g3, g3, h2, 0);
  at::mm_out(gw3_, g3.t(), zin);
  at::sum_out(gb3_, g3, 0);
  at::mm_out(gz, g3, classes > 0 ? w3_.narrow(1, 0, d) : w3_);
  if (autoencoder)
    g2.copy_(gz);
  else
    latent_backward(e, eps, gz, g2, count, float(beta * inv));
  at::mm_out(gw2_, g2.t(), h1);
  at::sum_out(gb2_, g2, 0);
  at::mm_out(g1, g2, w2_);
  at::threshold_backward_out(g1, g1, h1, 0);
  at::mm_out(gw1_, g1.t(), xin);
  at::sum_out(gb1_, g1, 0);

  // Adam, exactly as torch.optim.Adam (no weight decay, no amsgrad), on the gradient averaged over
  // the ranks.
  adam_->synchronize_gradients();
  adam_->step(std::sqrt(at::dot(grad_, grad_).item<double>()));
  end_step();
  if (group)
    return {total, reported_recon_, reported_kl_};
  return {total, recon, kl};
}

// z = μ + σ·ε with σ = exp(½ log σ²); returns Σ(1 + log σ² − μ² − σ²) (KL = −½ of it).
double VaeTrainer::latent_forward(const at::Tensor& e, const at::Tensor& eps, at::Tensor& z, int64_t count) {
  const int64_t d = model_->options().latent_dim();
  if (!takes_cpu_fast_path(e)) {  // the generic path: a few ATen operations
    const auto mu = e.narrow(1, 0, d), lv = e.narrow(1, d, d);
    const auto sigma = (0.5 * lv).exp();
    z.copy_(mu + sigma * eps);
    return (1 + lv - mu * mu - sigma * sigma).to(at::kDouble).sum().item<double>();
  }
  // The latent part is (B, d) small: one plain loop instead of a dozen tiny kernels.
  const float* ep = e.data_ptr<float>();
  const float* np = eps.data_ptr<float>();
  float* zp = z.data_ptr<float>();
  double kl_sum = 0;
  for (int64_t i = 0; i < count; ++i) {
    for (int64_t j = 0; j < d; ++j) {
      const float mu = ep[i * 2 * d + j], lv = ep[i * 2 * d + d + j];
      const float sigma = std::exp(0.5f * lv);
      zp[i * d + j] = mu + sigma * np[i * d + j];
      kl_sum += double(1.0f + lv - mu * mu - sigma * sigma);
    }
  }
  return kl_sum;
}

// ∂/∂μ = g + c·μ and ∂/∂log σ² = ½·g·ε·σ + ½·c·(σ² − 1), with g the gradient reaching z and c = β/batch.
void VaeTrainer::latent_backward(const at::Tensor& e, const at::Tensor& eps, const at::Tensor& gz, at::Tensor& g2,
                                 int64_t count, float c) {
  const int64_t d = model_->options().latent_dim();
  if (!takes_cpu_fast_path(e)) {
    const auto mu = e.narrow(1, 0, d), lv = e.narrow(1, d, d);
    const auto sigma = (0.5 * lv).exp();
    g2.narrow(1, 0, d).copy_(gz + c * mu);
    g2.narrow(1, d, d).copy_(gz * eps * sigma * 0.5 + (c * 0.5) * (sigma * sigma - 1));
    return;
  }
  const float* ep = e.data_ptr<float>();
  const float* np = eps.data_ptr<float>();
  const float* gzp = gz.data_ptr<float>();
  float* g2p = g2.data_ptr<float>();
  for (int64_t i = 0; i < count; ++i) {
    for (int64_t j = 0; j < d; ++j) {
      const float mu = ep[i * 2 * d + j], lv = ep[i * 2 * d + d + j];
      const float sigma = std::exp(0.5f * lv), g = gzp[i * d + j];
      g2p[i * 2 * d + j] = g + c * mu;
      g2p[i * 2 * d + d + j] = g * np[i * d + j] * sigma * 0.5f + c * 0.5f * (sigma * sigma - 1.0f);
    }
  }
}

VaeLosses VaeTrainer::evaluate(const torch::Tensor& images, const torch::Tensor& labels, uint64_t noise_seed) {
  // The negative ELBO is defined with β = 1, whatever weight training gives the KL term.
  return evaluate_vae(model_, images, 1.0, noise_seed, labels);
}

VaeLosses evaluate_vae(VAE& model, const torch::Tensor& images, double beta, uint64_t noise_seed,
                       const torch::Tensor& labels) {
  torch::NoGradGuard no_grad;
  TORCH_CHECK(images.dim() == 2 && images.size(1) == model->options().input_dim(),
              "evaluation images must have shape (N, ", model->options().input_dim(), "), got ", images.sizes());
  TORCH_CHECK(images.size(0) > 0, "the evaluation set is empty");
  TORCH_CHECK(labels.defined() == (model->options().classes() > 0) && (!labels.defined() || labels.numel() == images.size(0)),
              model->options().classes() > 0 ? "a VAE told the class is evaluated with one label per image"
                                             : "labels given to a VAE not told the class");
  auto gen = at::make_generator<at::CPUGeneratorImpl>(noise_seed);
  VaeLosses sum;
  const int64_t n = images.size(0), chunk = 1000;
  const c10::Device device = device_of(*model);
  for (int64_t from = 0; from < n; from += chunk) {
    const auto x = images.narrow(0, from, std::min(chunk, n - from)).to(device, at::kFloat);
    const auto y = labels.defined() ? labels.narrow(0, from, x.size(0)).to(device, at::kLong) : at::Tensor();
    const auto loss = vae_loss(model->forward(x, gen, y), x, beta);
    const double w = double(x.size(0));
    sum.total += loss.total.item<double>() * w;
    sum.recon += loss.recon.item<double>() * w;
    sum.kl += loss.kl.item<double>() * w;
  }
  return {sum.total / double(n), sum.recon / double(n), sum.kl / double(n)};
}

Status load_weights(VAE& model, const SafetensorsFile& file, const std::string& file_name) {
  return load_module_weights(*model, file, file_name, "");
}

Status load_weights(VAE& model, const std::string& weights_path) {
  return load_module_weights(*model, weights_path, "");
}

std::pair<std::vector<float>, std::vector<float>> VaeTrainer::latent_range(const torch::Tensor& images,
                                                                           const torch::Tensor& labels) {
  const int64_t d = model_->options().latent_dim();
  if (!model_->options().deterministic())
    return {std::vector<float>(size_t(d), 0.f), std::vector<float>(size_t(d), 1.f)};
  torch::NoGradGuard no_grad;
  const auto codes =
      model_->encode(images.to(device(), at::kFloat), labels.defined() ? labels.to(device(), at::kLong) : labels).first;
  const auto mean = codes.mean(0).cpu().contiguous(), sd = codes.std(0).clamp_min(1e-3).cpu().contiguous();
  return {std::vector<float>(mean.data_ptr<float>(), mean.data_ptr<float>() + d),
          std::vector<float>(sd.data_ptr<float>(), sd.data_ptr<float>() + d)};
}

MlpDecoderWeights VaeTrainer::decoder_weights() const {
  auto model = model_;
  return genlab::decoder_weights(model);
}

std::shared_ptr<const ImageEncoder> VaeTrainer::encoder() const {
  auto model = model_;
  return encoder_of(model);
}

std::shared_ptr<const ImageEncoder> encoder_of(VAE& model) {
  torch::NoGradGuard no_grad;
  const auto copy = std::dynamic_pointer_cast<torch::nn::SequentialImpl>(model->encoder->clone(c10::kCPU));
  copy->eval();
  const bool deterministic = model->options().deterministic();
  const int64_t d = model->options().latent_dim(), in = model->options().input_dim(), classes = model->options().classes();
  return make_module_encoder(
      [copy, deterministic, classes](const at::Tensor& x, const at::Tensor& labels) -> std::pair<at::Tensor, at::Tensor> {
        const auto h = torch::nn::Sequential(copy)->forward(with_class(x, labels, classes));
        if (deterministic)
          return {h, {}};
        const auto parts = h.chunk(2, 1);
        return {parts[0], parts[1]};
      },
      {in}, d, classes);
}

MlpDecoderWeights decoder_weights(VAE& model) {
  torch::NoGradGuard no_grad;
  auto params = model->named_parameters();
  const auto w1 = params["decoder.0.weight"].cpu().contiguous();
  const auto b1 = params["decoder.0.bias"].cpu().contiguous();
  const auto w2t = params["decoder.2.weight"].t().cpu().contiguous();
  const auto b2 = params["decoder.2.bias"].cpu().contiguous();
  auto copy = [](const torch::Tensor& t) {
    const float* p = t.data_ptr<float>();
    return std::vector<float>(p, p + t.numel());
  };
  MlpDecoderWeights out;
  out.latent_dim = w1.size(1);
  out.classes = model->options().classes();
  out.hidden_dim = w1.size(0);
  out.output_dim = b2.size(0);
  out.w1 = copy(w1);
  out.b1 = copy(b1);
  out.w2t = copy(w2t);
  out.b2 = copy(b2);
  return out;
}

}  // namespace genlab
