// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/image_diffusion.h"

#include "nn/device.h"
#include "nn/module_decoder.h"

#include <torch/utils.h>


namespace genlab {

ImageDiffusionTrainer::ImageDiffusionTrainer(const UnetOptions& net, const GaussianDiffusionOptions& process,
                                             const ImageDiffusionTrainerOptions& options, at::Tensor images,
                                             at::Tensor labels)
    : DiffusionTrainer(std::move(images), options.batch_size(), options.seed(), "genlab-ddpm-trainer-1", process,
                       options.lr(), options.ema_decay()),
      options_(options),
      labels_(std::move(labels)) {
  TORCH_CHECK(examples_.dim() == 4 && examples_.size(1) == net.channels(), "DDPM training images must be (N, ",
              net.channels(), ", H, W), got ", examples_.sizes());
  check_rates(options_.lr(), options_.ema_decay());
  TORCH_CHECK(labels_.defined() == (net.num_classes() > 0), net.num_classes() > 0
                                                                 ? "a U-Net told the class needs the images' labels"
                                                                 : "labels given to a U-Net that is not told the class");
  TORCH_CHECK(options_.class_dropout() >= 0 && options_.class_dropout() < 1, "the class dropout must be in [0, 1), got ",
              options_.class_dropout());
  if (labels_.defined()) {
    TORCH_CHECK(labels_.dim() == 1 && labels_.size(0) == examples_.size(0), "one label per training image, got ",
                labels_.sizes(), " for ", examples_.size(0));
    labels_ = labels_.to(at::kLong);
    TORCH_CHECK(labels_.min().item<int64_t>() >= 0 && labels_.max().item<int64_t>() < net.num_classes(),
                "training labels must be 0 … ", net.num_classes() - 1);
  }
  examples_ = examples_.to(at::kFloat).mul(2).sub_(1).contiguous();  // [0, 1] → [−1, 1]
  torch::manual_seed(options_.seed());
  model_ = Unet(net);
  ema_ = Unet(net);
  const int64_t f = model_->size_factor();
  TORCH_CHECK(examples_.size(2) % f == 0 && examples_.size(3) % f == 0, "images of ", examples_.size(2), "×",
              examples_.size(3), " px cannot be halved ", net.dim_mults().size() - 1, " times; use fewer dim_mults");
  train_networks(*model_, *ema_);
}

double ImageDiffusionTrainer::step() {
  Unet net = model_;
  if (!labels_.defined())
    return train_step([&](const at::Tensor& x, const at::Tensor& t) { return net->forward(x, t).to(at::kFloat); },
                      /*antithetic=*/false, options_.precision(), "diffusion");
  return train_step(
      [&](const at::Tensor& x, const at::Tensor& t, const at::Tensor& labels) {
        return net->forward(x, t, labels).to(at::kFloat);
      },
      labels_, options_.class_dropout(), net->options().num_classes(), /*antithetic=*/false, options_.precision(),
      "diffusion");
}

double ImageDiffusionTrainer::evaluate(const at::Tensor& images, uint64_t seed, const at::Tensor& labels) {
  return evaluate_by_timestep(images, 1, seed, labels).mean;
}

GaussianDiffusion::HeldOutLoss ImageDiffusionTrainer::evaluate_by_timestep(const at::Tensor& images, int64_t buckets,
                                                                          uint64_t seed, const at::Tensor& labels) {
  const int64_t f = ema_->size_factor();
  TORCH_CHECK(images.dim() == 4 && images.size(1) == ema_->options().channels() && images.size(2) % f == 0 &&
                  images.size(3) % f == 0,
              "DDPM evaluation images must be (N, ", ema_->options().channels(), ", H, W) with H and W divisible by ",
              f, ", got ", images.sizes());
  const auto x0 = images.to(at::kFloat).mul(2).sub_(1);
  if (!labels.defined())
    return diffusion_.held_out_losses(unet_denoiser(ema_, options_.precision()), x0, seed, buckets);
  return diffusion_.held_out_losses(unet_class_denoiser(ema_, options_.precision()), x0, labels.to(at::kLong), seed, buckets);
}

ClassDenoiser unet_class_denoiser(Unet net, Precision precision) {
  // The samplers' tensors may live elsewhere than the net (the CPU's memory, the net on a GPU):
  // each call takes them to the net's device and its answer back.
  const c10::Device device = device_of(*net);
  return [net, precision, device](const at::Tensor& x, const at::Tensor& t, const at::Tensor& labels) mutable {
    torch::NoGradGuard no_grad;
    const bool here = x.device() == device;
    const auto xd = here ? x : x.to(device), td = t.device() == device ? t : t.to(device);
    const auto ld = !labels.defined() || labels.device() == device ? labels : labels.to(device);
    at::Tensor out;
    if (precision == Precision::Float32) {
      out = net->forward(xd, td, ld);
    } else {
      PrecisionScope scope(precision, device);
      out = net->forward(xd, td, ld).to(at::kFloat);
    }
    return here ? out : out.to(x.device());
  };
}

Denoiser unet_denoiser(Unet net, Precision precision) {
  return [told = unet_class_denoiser(std::move(net), precision)](const at::Tensor& x, const at::Tensor& t) {
    return told(x, t, {});
  };
}

Status load_unet(Unet& net, const SafetensorsFile& file, const std::string& file_name, bool ema) {
  return load_module_weights(*net, file, file_name, ema ? "ema." : "model.");
}

Status load_unet(Unet& net, const std::string& weights_path, bool ema) {
  return load_module_weights(*net, weights_path, ema ? "ema." : "model.");
}

}  // namespace genlab
