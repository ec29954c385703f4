// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/toy_diffusion.h"

#include "nn/class_code.h"
#include "nn/device.h"
#include "nn/module_decoder.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/full.h>
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
  TORCH_CHECK(o.classes() >= 0 && o.classes() <= 100, "toy diffusion classes must be in 0..100, got ", o.classes());
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
  if (options_.classes() > 0) {  // registered last: a net not told the class starts as it always did
    class_embeddings = register_module("class_embeddings", ModuleList());
    for (int i = 0; i < 3; ++i)
      class_embeddings->push_back(Embedding(options_.classes() + 1, h));
  }
}

torch::Tensor MLPDiffusionImpl::forward(const torch::Tensor& x_in, const torch::Tensor& t, const torch::Tensor& labels) {
  TORCH_CHECK(x_in.dim() == 2 && x_in.size(1) == 2, "MLPDiffusion expects points (B, 2), got ", x_in.sizes());
  const int64_t classes = options_.classes();
  at::Tensor told;
  if (classes > 0) {
    told = labels.defined() ? labels.to(at::kLong) : at::full({x_in.size(0)}, classes, t.options().dtype(at::kLong));
    TORCH_CHECK(told.dim() == 1 && told.size(0) == x_in.size(0), "MLPDiffusion expects one label per point, got ",
                told.sizes(), " for ", x_in.size(0));
  }
  auto x = x_in;
  for (size_t i = 0; i < 3; ++i) {
    x = linears[2 * i]->as<torch::nn::Linear>()->forward(x) +
        step_embeddings[i]->as<torch::nn::Embedding>()->forward(t);
    if (classes > 0)
      x = x + class_embeddings[i]->as<torch::nn::Embedding>()->forward(told);
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
  if (options.classes() > 0)
    for (int i = 0; i < 3; ++i)
      b.embedding("class_embeddings." + std::to_string(i), options.classes() + 1, h);
  return {b.specs(), {}};
}

GaussianDiffusion toy_diffusion_process(int64_t timesteps) { return GaussianDiffusion(toy_process_options(timesteps)); }

ClassDenoiser toy_class_denoiser(MLPDiffusion model) {
  const c10::Device device = device_of(*model);  // as unet_denoiser: the samplers' tensors go to the model
  return [model, device](const at::Tensor& x, const at::Tensor& t, const at::Tensor& labels) mutable {
    torch::NoGradGuard no_grad;
    if (x.device() == device && t.device() == device)
      return model->forward(x, t, labels);
    return model->forward(x.to(device), t.to(device), labels.defined() ? labels.to(device) : labels).to(x.device());
  };
}

Denoiser toy_denoiser(MLPDiffusion model) {
  return [told = toy_class_denoiser(std::move(model))](const at::Tensor& x, const at::Tensor& t) { return told(x, t, {}); };
}

Status load_toy_diffusion(MLPDiffusion& model, const SafetensorsFile& file, const std::string& file_name, bool ema) {
  return load_module_weights(*model, file, file_name, ema ? "ema." : "model.");
}

Status load_toy_diffusion(MLPDiffusion& model, const std::string& weights_path, bool ema) {
  return load_module_weights(*model, weights_path, ema ? "ema." : "model.");
}

ToyDiffusionTrainer::ToyDiffusionTrainer(const MLPDiffusionOptions& model_options,
                                         const ToyDiffusionTrainerOptions& options, at::Tensor points, at::Tensor labels)
    : DiffusionTrainer(std::move(points), options.batch_size(), options.seed(), "genlab-toy-diffusion-trainer-1",
                       toy_process_options(model_options.timesteps()), options.lr(), options.ema_decay()),
      options_(options) {
  TORCH_CHECK(examples_.dim() == 2 && examples_.size(1) == 2, "toy diffusion trains on points (N, 2), got ",
              examples_.sizes());
  check_rates(options_.lr(), options_.ema_decay());
  check(model_options);
  TORCH_CHECK(options_.class_dropout() >= 0 && options_.class_dropout() < 1, "the class dropout must be in [0, 1), got ",
              options_.class_dropout());
  labels_ = checked_labels(labels, model_options.classes(), examples_.size(0), "a toy diffusion model");
  examples_ = examples_.to(at::kFloat).contiguous();
  torch::manual_seed(options_.seed());
  model_ = MLPDiffusion(model_options);
  ema_ = MLPDiffusion(model_options);
  train_networks(*model_, *ema_);
}

double ToyDiffusionTrainer::step() {
  MLPDiffusion m = model_;
  // Seed 002: antithetic t; no mixed precision for a net this small.
  if (!labels_.defined())
    return train_step([&](const at::Tensor& x, const at::Tensor& t) { return m->forward(x, t); }, /*antithetic=*/true,
                      Precision::Float32, "toy diffusion");
  return train_step([&](const at::Tensor& x, const at::Tensor& t, const at::Tensor& labels) { return m->forward(x, t, labels); },
                    labels_, options_.class_dropout(), m->options().classes(), /*antithetic=*/true, Precision::Float32,
                    "toy diffusion");
}

double ToyDiffusionTrainer::evaluate(const at::Tensor& points, uint64_t seed, const at::Tensor& labels) {
  return evaluate_by_timestep(points, 1, seed, labels).mean;
}

GaussianDiffusion::HeldOutLoss ToyDiffusionTrainer::evaluate_by_timestep(const at::Tensor& points, int64_t buckets, uint64_t seed,
                                                                        const at::Tensor& labels) {
  TORCH_CHECK(points.dim() == 2 && points.size(1) == 2, "toy diffusion evaluates on points (N, 2), got ",
              points.sizes());
  if (!labels.defined())
    return diffusion_.held_out_losses(toy_denoiser(ema_), points, seed, buckets);
  return diffusion_.held_out_losses(toy_class_denoiser(ema_), points, labels.to(at::kLong), seed, buckets);
}

}  // namespace genlab
