// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/toy_diffusion.h"

#include "nn/device.h"
#include "nn/module_decoder.h"

#include <ATen/TensorOperators.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/utils.h>


namespace genlab {

namespace {

void check(const MLPDiffusionOptions& o) {
  TORCH_CHECK(o.timesteps() >= 2 && o.timesteps() <= 10000, "toy diffusion timesteps must be in "
              "2..10000, got ", o.timesteps());
  TORCH_CHECK(o.hidden() >= 4 && o.hidden() <= 4096, "toy diffusion hidden width must be in 4..4096, "
              "got ", o.hidden());
}

// Seed 002's schedule, ε-prediction, no clipping.
GaussianDiffusionOptions toy_process_options(int64_t timesteps) {
  return GaussianDiffusionOptions().schedule("toy").timesteps(timesteps).objective("pred_noise").clip_x0(false);
}

}  // namespace

MLPDiffusionImpl::MLPDiffusionImpl(const MLPDiffusionOptions& options) : options_(options) {
  check(options_);
  using namespace torch::nn;
  const int64_t h = options_.hidden();
  linears = register_module("linears", ModuleList());
  // Seed 002 interleaves ReLUs in one ModuleList: Linear, ReLU, Linear, ReLU, Linear, ReLU, Linear.
  linears->push_back(Linear(2, h));
  linears->push_back(ReLU());
  linears->push_back(Linear(h, h));
  linears->push_back(ReLU());
  linears->push_back(Linear(h, h));
  linears->push_back(ReLU());
  linears->push_back(Linear(h, 2));
  step_embeddings = register_module("step_embeddings", ModuleList());
  for (int i = 0; i < 3; ++i)
    step_embeddings->push_back(Embedding(options_.timesteps(), h));
}

torch::Tensor MLPDiffusionImpl::forward(const torch::Tensor& x_in, const torch::Tensor& t) {
  TORCH_CHECK(x_in.dim() == 2 && x_in.size(1) == 2, "MLPDiffusion expects points (B, 2), got ", x_in.sizes());
  auto x = x_in;
  for (size_t i = 0; i < 3; ++i) {
    x = linears[2 * i]->as<torch::nn::Linear>()->forward(x) +
        step_embeddings[i]->as<torch::nn::Embedding>()->forward(t);
    x = torch::relu(x);
  }
  return linears[6]->as<torch::nn::Linear>()->forward(x);
}

Result<TensorSpecs> mlp_diffusion_tensors(const MLPDiffusionOptions& options) {
  if (auto e = check_message([&] { check(options); }); !e.ok())
    return {{}, e.error};
  const int64_t h = options.hidden();
  TensorSpecBuilder b;
  b.linear("linears.0", 2, h);  // the odd ones are ReLUs
  b.linear("linears.2", h, h);
  b.linear("linears.4", h, h);
  b.linear("linears.6", h, 2);
  for (int i = 0; i < 3; ++i)
    b.embedding("step_embeddings." + std::to_string(i), options.timesteps(), h);
  return {b.specs(), {}};
}

GaussianDiffusion toy_diffusion_process(int64_t timesteps) { return GaussianDiffusion(toy_process_options(timesteps)); }

Denoiser toy_denoiser(MLPDiffusion model) {
  const c10::Device device = device_of(*model);  // as unet_denoiser: the samplers' tensors go to the model
  return [model, device](const at::Tensor& x, const at::Tensor& t) mutable {
    torch::NoGradGuard no_grad;
    if (x.device() == device && t.device() == device)
      return model->forward(x, t);
    return model->forward(x.to(device), t.to(device)).to(x.device());
  };
}

Status load_toy_diffusion(MLPDiffusion& model, const SafetensorsFile& file, const std::string& file_name, bool ema) {
  return load_module_weights(*model, file, file_name, ema ? "ema." : "model.");
}

Status load_toy_diffusion(MLPDiffusion& model, const std::string& weights_path, bool ema) {
  return load_module_weights(*model, weights_path, ema ? "ema." : "model.");
}

ToyDiffusionTrainer::ToyDiffusionTrainer(const MLPDiffusionOptions& model_options,
                                         const ToyDiffusionTrainerOptions& options, at::Tensor points)
    : DiffusionTrainer(std::move(points), options.batch_size(), options.seed(), "genlab-toy-diffusion-trainer-1",
                       toy_process_options(model_options.timesteps()), options.lr(), options.ema_decay()),
      options_(options) {
  TORCH_CHECK(examples_.dim() == 2 && examples_.size(1) == 2, "toy diffusion trains on points (N, 2), got ",
              examples_.sizes());
  check_rates(options_.lr(), options_.ema_decay());
  examples_ = examples_.to(at::kFloat).contiguous();
  torch::manual_seed(options_.seed());
  model_ = MLPDiffusion(model_options);
  ema_ = MLPDiffusion(model_options);
  train_networks(*model_, *ema_);
}

double ToyDiffusionTrainer::step() {
  MLPDiffusion m = model_;
  // Seed 002: antithetic t; no mixed precision for a net this small.
  return train_step([&](const at::Tensor& x, const at::Tensor& t) { return m->forward(x, t); }, /*antithetic=*/true,
                    Precision::Float32, "toy diffusion");
}

double ToyDiffusionTrainer::evaluate(const at::Tensor& points, uint64_t seed) {
  return evaluate_by_timestep(points, 1, seed).mean;
}

GaussianDiffusion::HeldOutLoss ToyDiffusionTrainer::evaluate_by_timestep(const at::Tensor& points, int64_t buckets, uint64_t seed) {
  TORCH_CHECK(points.dim() == 2 && points.size(1) == 2, "toy diffusion evaluates on points (N, 2), got ",
              points.sizes());
  return diffusion_.held_out_losses(toy_denoiser(ema_), points, seed, buckets);
}

}  // namespace genlab
