// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "autoregressive/pixel_model.h"
#include "io/result.h"
#include "io/safetensors.h"
#include "nn/adam.h"
#include "nn/batch_slices.h"
#include "nn/batch_trainer.h"
#include "nn/precision.h"

#include <memory>
#include <string>

namespace genlab {

/// Hyperparameters of pixel-model training (maximum likelihood, Adam).
struct PixelTrainerOptions {
  TORCH_ARG(double, lr) = 1e-3;
  TORCH_ARG(int64_t, batch_size) = 64;
  TORCH_ARG(uint64_t, seed) = 1;
  /// Slices of each batch trained at once, one per core (BatchSlices); 0: one per intra-op thread.
  TORCH_ARG(int, slices) = 0;
};

/// Trains a PixelNet by maximum likelihood on images (N, 1, H, W) in [0, 1], with their labels (N)
/// when the net is class-conditional. Black/white nets see each image binarised afresh at every
/// visit (dynamic binarisation). Checkpoints hold "model.*".
class PixelTrainer final : public BatchTrainer {
 public:
  PixelTrainer(PixelNet net, const PixelTrainerOptions& options, at::Tensor images, at::Tensor labels = {});
  /// One step; returns the batch's −log p(x) in nats per image.
  double step();
  PixelNet net() const { return net_; }

 private:
  PixelTrainerOptions options_;
  PixelNet net_;
  at::Tensor labels_;
  std::unique_ptr<Adam> adam_;
  std::vector<at::Tensor> params_;
  std::unique_ptr<BatchSlices> slices_;
};

/// The seed of the held-out digits' binarisation: the same black/white digits every time.
constexpr uint64_t kHeldOutBinarisationSeed = 12345;

/// Held-out −log p(x) in nats per image of `images` (N, 1, H, W) in [0, 1] (binarised with a
/// generator seeded by `seed`), in batches, without gradients.
double evaluate_pixel_model(PixelNetImpl& net, const at::Tensor& images, const at::Tensor& labels = {},
                            uint64_t seed = kHeldOutBinarisationSeed);

/// Fills `net` from "model.*" of an opened weights file; nothing changes unless every tensor fits.
Status load_pixel_model(PixelNetImpl& net, const SafetensorsFile& file, const std::string& file_name);

}  // namespace genlab
