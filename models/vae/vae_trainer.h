// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/safetensors.h"
#include "nn/adam.h"
#include "nn/batch_trainer.h"
#include "nn/image_encoder.h"
#include "nn/mlp_decoder.h"
#include "vae/vae.h"

#include <ATen/core/Tensor.h>

#include <memory>
#include <utility>
#include <vector>
#include <string>

namespace genlab {

/// Hyperparameters of VAE training (seed 003: Adam 1e-3, batch 128).
struct VaeTrainerOptions {
  /// Adam learning rate.
  TORCH_ARG(double, lr) = 1e-3;
  /// Images per step.
  TORCH_ARG(int64_t, batch_size) = 128;
  /// Weight of the KL term (1 = the ELBO).
  TORCH_ARG(double, beta) = 1.0;
  /// Seeds the initial weights, the data order and the reparameterisation noise.
  TORCH_ARG(uint64_t, seed) = 1;
};

/// Losses of one step or one evaluation, per image, in nats.
struct VaeLosses {
  double total = 0;
  double recon = 0;
  double kl = 0;
};

/// Trains a VAE on images held in memory: shuffled epochs (the last batch of each takes the images
/// left over), one Adam step per batch. Data order, RNG, counters, checkpoints ("<parameter name>"
/// weights; "adam.exp_avg", "adam.exp_avg_sq" of the flat parameter buffer), data-parallel plumbing
/// and the device come from BatchTrainer.
///
/// The step is written out by hand (forward, the exact gradients of BCE + β·KL, and Adam on one
/// flat parameter buffer) instead of going through autograd: the same maths in a handful of large
/// kernels, which is where GenLab gets its speed over the Python loop. A test checks it step for
/// step against autograd + torch::optim::Adam.
class VaeTrainer final : public BatchTrainer {
 public:
  /// `images`: (N, input_dim) float in [0, 1]; `labels` (N) their classes for a model told the
  /// class (model_options.classes() > 0), else undefined. Creates the model from `model_options`.
  VaeTrainer(const VAEOptions& model_options, const VaeTrainerOptions& options,
             torch::Tensor images, torch::Tensor labels = {});

  VAE& model() { return model_; }

  /// One optimisation step on the next batch (starts a new shuffled epoch when needed).
  VaeLosses step();

  /// Trains on `device` (BatchTrainer::set_device: the images stay in the CPU's memory and each
  /// batch goes over); the parameters become views into the flat buffer again, there, and the
  /// step's buffers are made there. The noise still comes from the run's CPU generator, so every
  /// device draws the same numbers. Call before the first step.
  void set_device(c10::Device device) override;

  /// Mean losses over `images` (told the class: with their `labels`) with a fixed noise seed
  /// (deterministic for the same weights).
  VaeLosses evaluate(const torch::Tensor& images, const torch::Tensor& labels = {}, uint64_t noise_seed = 12345);

  /// Where the codes live, per latent dimension: the prior N(0, 1) for a VAE; for an
  /// auto-encoder (whose codes nothing constrains) the mean and standard deviation of the codes
  /// of `images` (told the class: with their `labels`). The Explore page spans mean ± 3·std.
  std::pair<std::vector<float>, std::vector<float>> latent_range(const torch::Tensor& images,
                                                                 const torch::Tensor& labels = {});

  /// A plain copy of the decoder for the GUI.
  MlpDecoderWeights decoder_weights() const;
  /// A copy of the encoder for the GUI (posterior means and log σ², or the auto-encoder's codes).
  std::shared_ptr<const ImageEncoder> encoder() const;

 private:
  void ensure_workspace(int64_t rows);
  /// Makes every parameter a view into flat_ (copying its values there first when `copy_values`).
  void bind_parameters(bool copy_values);
  /// z = μ + σ·ε and the KL sum of `count` rows (the forward's latent part), and its backward.
  double latent_forward(const at::Tensor& e, const at::Tensor& eps, at::Tensor& z, int64_t count);
  void latent_backward(const at::Tensor& e, const at::Tensor& eps, const at::Tensor& gz, at::Tensor& g2, int64_t count,
                       float c);

  VAE model_{nullptr};
  VaeTrainerOptions options_;
  torch::Tensor labels_;  ///< told the class: one per training image (int64)
  double reported_recon_ = 0, reported_kl_ = 0;  ///< data-parallel: the whole batch's, this step

  // Every parameter is a view into `flat_`, every gradient a view into `grad_` (flat_'s .grad()),
  // so Adam is five vector operations over the whole model.
  torch::Tensor flat_, grad_;
  std::unique_ptr<Adam> adam_;
  torch::Tensor w1_, b1_, w2_, b2_, w3_, b3_, w4_, b4_;
  torch::Tensor gw1_, gb1_, gw2_, gb2_, gw3_, gb3_, gw4_, gb4_;
  // Activations and their gradients for one batch, reused every step.
  int64_t ws_rows_ = 0;
  torch::Tensor x_, h1_, e_, eps_, z_, h2_, logits_, scratch_, g4_, g3_, gz_, g2_, g1_;
  // Told the class: the encoder's and the decoder's inputs, image or code followed by the one-hot class.
  torch::Tensor xin_, zin_;
};

/// Mean losses of `model` over `images` (N, input_dim) with a fixed noise seed (told the class: with
/// the images' `labels`).
VaeLosses evaluate_vae(VAE& model, const torch::Tensor& images, double beta = 1.0, uint64_t noise_seed = 12345,
                       const torch::Tensor& labels = {});

/// Fills `model` from an opened weights file by parameter name (float32). Nothing changes unless
/// every tensor fits; the error names `file_name` and the first tensor missing or of another shape
/// or dtype.
Status load_weights(VAE& model, const SafetensorsFile& file, const std::string& file_name);
/// The same from a path (load_safetensors, then the above).
Status load_weights(VAE& model, const std::string& weights_path);

/// Copies the decoder of `model` into plain memory.
MlpDecoderWeights decoder_weights(VAE& model);
/// A copy of the encoder of `model`: images (B, 784) in [0, 1] (told the class: and their labels) to their codes.
std::shared_ptr<const ImageEncoder> encoder_of(VAE& model);

}  // namespace genlab
