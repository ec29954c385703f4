// SPDX-License-Identifier: GPL-3.0-or-later
#include "vae/vae_trainer.h"

#include "dist/data_parallel.h"
#include "nn/device.h"
#include "nn/module_encoder.h"

#include "io/numbers.h"
#include "io/checkpoint.h"
#include "io/trainer_state.h"
#include "io/safetensors.h"
#include "nn/module_decoder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/addmm.h>
#include <ATen/ops/dot.h>
#include <ATen/ops/index_select.h>
#include <ATen/ops/softplus.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/mm.h>
#include <ATen/ops/randperm.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/sum.h>
#include <ATen/ops/threshold_backward.h>
#include <ATen/ops/zeros.h>
#include <torch/utils.h>

#include <cmath>
#include <filesystem>
#include <sstream>

namespace genlab {
namespace {

constexpr double kAdamBeta1 = 0.9, kAdamBeta2 = 0.999, kAdamEps = 1e-8;

}  // namespace

VaeTrainer::VaeTrainer(const VAEOptions& model_options, const VaeTrainerOptions& options,
                       torch::Tensor images)
    : model_(nullptr), options_(options), images_(std::move(images)),
      generator_(at::make_generator<at::CPUGeneratorImpl>(options.seed())) {
  TORCH_CHECK(options_.batch_size() >= 1 && options_.batch_size() <= 65536,
              "batch size must be in 1..65536, got ", options_.batch_size());
  TORCH_CHECK(std::isfinite(options_.lr()) && options_.lr() > 0 && options_.lr() <= 1,
              "learning rate must be in (0, 1], got ", options_.lr());
  TORCH_CHECK(std::isfinite(options_.beta()) && options_.beta() >= 0 && options_.beta() <= 1000,
              "beta must be in [0, 1000], got ", options_.beta());
  TORCH_CHECK(images_.dim() == 2 && images_.size(1) == model_options.input_dim(),
              "training images must have shape (N, ", model_options.input_dim(), "), got ",
              images_.sizes());
  TORCH_CHECK(images_.size(0) > 0, "the training set is empty");
  images_ = images_.to(torch::kFloat).contiguous();

  torch::manual_seed(options_.seed());  // initial weights
  model_ = VAE(model_options);

  torch::NoGradGuard no_grad;
  auto params = model_->named_parameters();
  int64_t total = 0;
  for (const auto& p : params)
    total += p.value().numel();
  flat_ = at::zeros({total}, at::kFloat);
  grad_ = at::zeros({total}, at::kFloat);
  adam_m_ = at::zeros({total}, at::kFloat);
  adam_v_ = at::zeros({total}, at::kFloat);
  adam_tmp_ = at::empty({total}, at::kFloat);
  bind_parameters(/*copy_values=*/true);
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
  device_ = device;
  for (auto* t : {&flat_, &grad_, &adam_m_, &adam_v_, &adam_tmp_})
    *t = t->to(device);
  bind_parameters(/*copy_values=*/false);
  images_ = images_.to(device);
  ws_rows_ = 0;  // the workspace is made again, there
}

int64_t VaeTrainer::steps_per_epoch() const {
  const int64_t b = options_.batch_size();
  return (images_.size(0) + b - 1) / b;
}

void VaeTrainer::start_epoch() {
  order_ = at::randperm(images_.size(0), generator_, at::TensorOptions(at::kLong));
  batch_in_epoch_ = 0;
}

void VaeTrainer::ensure_workspace(int64_t rows) {
  if (ws_rows_ >= rows)
    return;
  const int64_t in = model_->options().input_dim(), hid = model_->options().hidden_dim();
  const int64_t d = model_->options().latent_dim();
  auto make = [rows, this](int64_t cols) { return at::empty({rows, cols}, at::TensorOptions(at::kFloat).device(device_)); };
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
  ws_rows_ = rows;
}

VaeLosses VaeTrainer::step() {
  torch::NoGradGuard no_grad;
  if (!order_.defined())
    start_epoch();
  const int64_t n = images_.size(0), B = options_.batch_size();
  const int64_t whole_from = batch_in_epoch_ * B, whole = std::min(B, n - whole_from);
  // Data-parallel: this rank's rows of the batch every rank draws alike; its gradients are scaled
  // by ranks / batch, so their mean over the ranks is the whole batch's.
  const int64_t ranks = group_ ? group_->world_size() : 1, share = (whole + ranks - 1) / ranks;
  const int64_t mine = group_ ? std::min(whole, group_->rank() * share) : 0;
  const int64_t from = whole_from + mine, count = std::min(share, whole - mine);
  const int64_t d = model_->options().latent_dim();
  const double inv = double(ranks) / double(whole), beta = options_.beta();
  // Every intermediate lives in a buffer kept between steps: a fresh 400 KB tensor per op
  // costs an mmap and page faults each time, which is a fifth of the step at this size.
  ensure_workspace(B);
  auto rows = [count](const at::Tensor& t) { return t.narrow(0, 0, count); };
  auto x = rows(x_), h1 = rows(h1_), e = rows(e_), eps = rows(eps_), z = rows(z_), h2 = rows(h2_);
  auto logits = rows(logits_), scratch = rows(scratch_), g4 = rows(g4_), g3 = rows(g3_), gz = rows(gz_);
  auto g2 = rows(g2_), g1 = rows(g1_);

  // Forward.
  const auto picked = order_.narrow(0, from, count);
  at::index_select_out(x, images_, 0, device_.is_cpu() ? picked : picked.to(device_));
  at::addmm_out(h1, b1_, x, w1_.t()).relu_();
  at::addmm_out(e, b2_, h1, w2_.t());
  const bool autoencoder = model_->options().deterministic();
  double kl_sum = 0;
  if (autoencoder) {
    z.copy_(e);  // the code is the encoder's output
  } else {
    // The whole batch's draw with data-parallel (as one process makes it), this rank's rows of it;
    // drawn in the CPU's memory by the run's generator whatever the device.
    const int64_t drawn_rows = group_ ? whole : count, first = group_ ? mine : 0;
    if (device_.is_cpu()) {
      eps_.narrow(0, 0, drawn_rows).normal_(0.0, 1.0, generator_);
    } else {
      eps_.narrow(0, 0, drawn_rows).copy_(at::empty({drawn_rows, d}, at::kFloat).normal_(0.0, 1.0, generator_));
    }
    eps = eps_.narrow(0, first, count);
    kl_sum = latent_forward(e, eps, z, count);
  }
  const double kl = autoencoder ? 0.0 : -0.5 * kl_sum * inv;
  at::addmm_out(h2, b3_, z, w3_.t()).relu_();
  at::addmm_out(logits, b4_, h2, w4_.t());
  // BCE with logits, summed: Σ softplus(l) − Σ x·l.
  at::softplus_out(scratch, logits, 1, 20);
  const double recon =
      (scratch.sum().item<double>() - at::dot(x.view(-1), logits.view(-1)).item<double>()) * inv;
  double total = recon + beta * kl;
  if (group_) {  // the whole batch's numbers on every rank (each holds its rows' share), checked alike
    total = group_->all_reduce_sum(total) / double(ranks);
    reported_recon_ = group_->all_reduce_sum(recon) / double(ranks);
    reported_kl_ = group_->all_reduce_sum(kl) / double(ranks);
  }
  TORCH_CHECK(std::isfinite(total), "the loss became ", non_finite_name(total), " at step ", step_ + 1,
              " (learning rate ", options_.lr(), " too high?)");

  // Backward: d/dlogits BCE = σ(logits) − x; KL gives μ and ½(σ² − 1).
  at::sigmoid_out(g4, logits).sub_(x).mul_(inv);
  at::mm_out(gw4_, g4.t(), h2);
  at::sum_out(gb4_, g4, 0);
  at::mm_out(g3, g4, w4_);
  at::threshold_backward_out(g3, g3, h2, 0);
  at::mm_out(gw3_, g3.t(), z);
  at::sum_out(gb3_, g3, 0);
  at::mm_out(gz, g3, w3_);
  if (autoencoder)
    g2.copy_(gz);
  else
    latent_backward(e, eps, gz, g2, count, float(beta * inv));
  at::mm_out(gw2_, g2.t(), h1);
  at::sum_out(gb2_, g2, 0);
  at::mm_out(g1, g2, w2_);
  at::threshold_backward_out(g1, g1, h1, 0);
  at::mm_out(gw1_, g1.t(), x);
  at::sum_out(gb1_, g1, 0);

  if (group_)
    group_->all_reduce_mean({grad_});

  // Adam, exactly as torch.optim.Adam (no weight decay, no amsgrad).
  grad_norm_ = std::sqrt(at::dot(grad_, grad_).item<double>());
  ++step_;
  const double bc1 = 1 - std::pow(kAdamBeta1, double(step_));
  const double bc2 = 1 - std::pow(kAdamBeta2, double(step_));
  adam_m_.mul_(kAdamBeta1).add_(grad_, 1 - kAdamBeta1);
  adam_v_.mul_(kAdamBeta2).addcmul_(grad_, grad_, 1 - kAdamBeta2);
  at::sqrt_out(adam_tmp_, adam_v_);
  adam_tmp_.div_(std::sqrt(bc2)).add_(kAdamEps);
  flat_.addcdiv_(adam_m_, adam_tmp_, -options_.lr() / bc1);

  if (++batch_in_epoch_ == steps_per_epoch()) {
    ++epoch_;
    batch_in_epoch_ = 0;
    order_.reset();
  }
  if (group_)
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

void VaeTrainer::set_data_parallel(std::shared_ptr<DataParallel> group) {
  group_ = std::move(group);
  if (group_)
    group_->broadcast({flat_});  // rank 0's weights everywhere
}

VaeLosses VaeTrainer::evaluate(const torch::Tensor& images, uint64_t noise_seed) {
  // The negative ELBO is defined with β = 1, whatever weight training gives the KL term.
  return evaluate_vae(model_, images, 1.0, noise_seed);
}

VaeLosses evaluate_vae(VAE& model, const torch::Tensor& images, double beta, uint64_t noise_seed) {
  torch::NoGradGuard no_grad;
  TORCH_CHECK(images.dim() == 2 && images.size(1) == model->options().input_dim(),
              "evaluation images must have shape (N, ", model->options().input_dim(), "), got ", images.sizes());
  TORCH_CHECK(images.size(0) > 0, "the evaluation set is empty");
  auto gen = at::make_generator<at::CPUGeneratorImpl>(noise_seed);
  VaeLosses sum;
  const int64_t n = images.size(0), chunk = 1000;
  const c10::Device device = device_of(*model);
  for (int64_t from = 0; from < n; from += chunk) {
    const auto x = images.narrow(0, from, std::min(chunk, n - from)).to(device, at::kFloat);
    const auto loss = vae_loss(model->forward(x, gen), x, beta);
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

std::string VaeTrainer::save_checkpoint(const std::string& weights_path, const std::string& state_path,
                                        const std::map<std::string, std::string>& metadata) {
  torch::NoGradGuard no_grad;
  NamedTensors state{{"adam.exp_avg", adam_m_}, {"adam.exp_avg_sq", adam_v_}, {"rng.state", generator_.get_state()}};
  if (order_.defined())
    state.emplace_back("data.order", order_);
  NamedTensors weights;
  for (const auto& p : model_->named_parameters())
    weights.emplace_back(p.key(), p.value());
  return save_checkpoint_files(weights_path, weights, metadata, state_path, state,
                               {{"format", "genlab-vae-trainer-1"},
                                {"epoch", std::to_string(epoch_)},
                                {"batch_in_epoch", std::to_string(batch_in_epoch_)}},
                               step_);
}

std::string VaeTrainer::load_checkpoint(const std::string& weights_path, const std::string& state_path) {
  torch::NoGradGuard no_grad;
  auto files = load_checkpoint_files(weights_path, state_path);
  if (!files.ok())
    return files.error;
  const auto& weights = files.value.weights;
  const auto& state = files.value.state;
  const std::string wname = std::filesystem::path(weights_path).filename().string();
  const std::string sname = std::filesystem::path(state_path).filename().string();
  auto meta = [&state](const char* key) {
    const auto it = state.metadata.find(key);
    return it == state.metadata.end() ? std::string() : it->second;
  };
  if (meta("format") != "genlab-vae-trainer-1")
    return sname + ": not a GenLab VAE trainer state";
  for (auto& p : model_->named_parameters()) {
    const auto t = weights.find(p.key());
    if (!t.defined())
      return wname + ": no tensor '" + p.key() + "'";
    if (t.sizes() != p.value().sizes() || t.scalar_type() != at::kFloat) {
      std::ostringstream s;
      s << wname << ": '" << p.key() << "' has shape " << t.sizes() << ", the model needs " << p.value().sizes();
      return s.str();
    }
    if (auto err = check_finite(t, p.key()); !err.empty())
      return wname + ": " + err;
  }
  const auto m = state.find("adam.exp_avg"), v = state.find("adam.exp_avg_sq");
  const auto rng = state.find("rng.state"), order = state.find("data.order");
  if (!m.defined() || !v.defined() || m.numel() != flat_.numel() || v.numel() != flat_.numel() ||
      m.scalar_type() != at::kFloat || v.scalar_type() != at::kFloat)
    return sname + ": Adam state missing or of the wrong size";
  if (auto err = check_finite(m, "adam.exp_avg"); !err.empty())
    return sname + ": " + err;
  if (auto err = check_finite(v, "adam.exp_avg_sq", /*non_negative=*/true); !err.empty())
    return sname + ": " + err;
  if (auto err = check_generator_state(rng); !err.empty())
    return sname + ": " + err;
  if (order.defined())
    if (auto err = check_data_order(order, images_.size(0)); !err.empty())
      return sname + ": " + err;
  TrainerCounters at;
  if (auto err = read_counters(state, sname, steps_per_epoch(), &at); !err.empty())
    return err;
  for (auto& p : model_->named_parameters())
    p.value().copy_(weights.find(p.key()));
  adam_m_.copy_(m.reshape({-1}));
  adam_v_.copy_(v.reshape({-1}));
  generator_.set_state(rng);
  order_ = order.defined() ? order.clone() : at::Tensor();
  step_ = at.step;
  epoch_ = at.epoch;
  batch_in_epoch_ = at.batch_in_epoch;
  return {};
}

std::pair<std::vector<float>, std::vector<float>> VaeTrainer::latent_range(const torch::Tensor& images) {
  const int64_t d = model_->options().latent_dim();
  if (!model_->options().deterministic())
    return {std::vector<float>(size_t(d), 0.f), std::vector<float>(size_t(d), 1.f)};
  torch::NoGradGuard no_grad;
  const auto codes = model_->encode(images.to(device_, at::kFloat)).first;
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
  const int64_t d = model->options().latent_dim(), in = model->options().input_dim();
  return make_module_encoder(
      [copy, deterministic](const at::Tensor& x) -> std::pair<at::Tensor, at::Tensor> {
        const auto h = torch::nn::Sequential(copy)->forward(x);
        if (deterministic)
          return {h, {}};
        const auto parts = h.chunk(2, 1);
        return {parts[0], parts[1]};
      },
      {in}, d);
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
  out.hidden_dim = w1.size(0);
  out.output_dim = b2.size(0);
  out.w1 = copy(w1);
  out.b1 = copy(b1);
  out.w2t = copy(w2t);
  out.b2 = copy(b2);
  return out;
}

}  // namespace genlab
