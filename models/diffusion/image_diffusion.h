// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/safetensors.h"
#include "nn/precision.h"
#include "diffusion/diffusion_trainer.h"
#include "diffusion/gaussian_diffusion.h"
#include "diffusion/unet.h"

#include <string>

namespace genlab {

/// Hyperparameters of DDPM training on images (denoising-diffusion-pytorch's Trainer: Adam,
/// gradient norm clipped to 1, EMA of the weights for sampling).
struct ImageDiffusionTrainerOptions {
  TORCH_ARG(double, lr) = 2e-4;
  TORCH_ARG(int64_t, batch_size) = 64;
  TORCH_ARG(double, ema_decay) = 0.995;
  TORCH_ARG(uint64_t, seed) = 1;
  /// bfloat16 convolutions and matrix products (float32 weights, norms, loss, buffers), or float32.
  TORCH_ARG(Precision, precision) = Precision::Float32;
  /// A net told the class: the probability that an image is shown without its class (so that the
  /// same net also predicts without one, for classifier-free guidance).
  TORCH_ARG(double, class_dropout) = 0.1;
};

/// Trains a U-Net to denoise images (N, channels, size, size) in [0, 1] (scaled to [−1, 1] inside).
/// Checkpoints hold "model.*" and "ema.*".
class ImageDiffusionTrainer final : public DiffusionTrainer {
 public:
  /// `labels` (N, int64): the images' classes, for a net with num_classes > 0 (else undefined).
  ImageDiffusionTrainer(const UnetOptions& net, const GaussianDiffusionOptions& process,
                        const ImageDiffusionTrainerOptions& options, at::Tensor images, at::Tensor labels = {});
  double step();
  /// The held-out noise-prediction loss of the EMA weights (GaussianDiffusion::held_out_loss) on
  /// `images` (N, channels, H, W) in [0, 1], scaled to [−1, 1] as in training.
  /// A net told the class is told each image's, `labels` (N).
  double evaluate(const at::Tensor& images, uint64_t seed = 12345, const at::Tensor& labels = {});
  /// The same with its mean per tenth (`buckets`) of the timesteps (GaussianDiffusion::held_out_losses).
  GaussianDiffusion::HeldOutLoss evaluate_by_timestep(const at::Tensor& images, int64_t buckets, uint64_t seed = 12345,
                                                      const at::Tensor& labels = {});
  Precision precision() const { return options_.precision(); }
  Unet& model() { return model_; }
  Unet& ema() { return ema_; }

 private:
  ImageDiffusionTrainerOptions options_;
  Unet model_{nullptr}, ema_{nullptr};
  at::Tensor labels_;
};

/// A Denoiser that runs `net` without gradients, for the samplers, in `precision` (its output
/// float32); a net told the class is told none.
Denoiser unet_denoiser(Unet net, Precision precision = Precision::Float32);
/// The same told each image's class (guided() mixes it with no class).
ClassDenoiser unet_class_denoiser(Unet net, Precision precision = Precision::Float32);
/// Fills `net` from "ema.*" (or, with `ema` false, "model.*") of an opened DDPM weights file.
/// Nothing changes unless every tensor fits; the error names `file_name` and the first tensor
/// missing or of another shape or dtype (float32 only).
Status load_unet(Unet& net, const SafetensorsFile& file, const std::string& file_name, bool ema = true);
/// The same from a path.
Status load_unet(Unet& net, const std::string& weights_path, bool ema = true);

}  // namespace genlab
