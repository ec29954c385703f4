// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nn/adam.h"
#include "nn/batch_trainer.h"
#include "diffusion/gaussian_diffusion.h"
#include "diffusion/unet.h"

#include <memory>
#include <string>

namespace genlab {

/// Hyperparameters of DDPM training on images (denoising-diffusion-pytorch's Trainer: Adam,
/// gradient norm clipped to 1, EMA of the weights for sampling).
struct ImageDiffusionTrainerOptions {
  TORCH_ARG(double, lr) = 2e-4;
  TORCH_ARG(int64_t, batch_size) = 64;
  TORCH_ARG(double, ema_decay) = 0.995;
  TORCH_ARG(uint64_t, seed) = 1;
};

/// Trains a U-Net to denoise images (N, channels, size, size) in [0, 1] (scaled to [−1, 1] inside).
/// Checkpoints hold "model.*" and "ema.*".
class ImageDiffusionTrainer final : public BatchTrainer {
 public:
  ImageDiffusionTrainer(const UnetOptions& net, const GaussianDiffusionOptions& process,
                        const ImageDiffusionTrainerOptions& options, at::Tensor images);
  double step();
  const GaussianDiffusion& diffusion() const { return diffusion_; }
  Unet& model() { return model_; }
  Unet& ema() { return ema_; }

 private:
  ImageDiffusionTrainerOptions options_;
  GaussianDiffusion diffusion_;
  Unet model_{nullptr}, ema_{nullptr};
  std::unique_ptr<Adam> adam_;
};

/// A Denoiser that runs `net` without gradients, for the samplers.
Denoiser unet_denoiser(Unet net);
/// Loads "ema.*" (or "model.*") of a DDPM run's weights into `net`; "" or an error naming the file.
std::string load_unet(Unet& net, const std::string& weights_path, bool ema = true);

}  // namespace genlab
