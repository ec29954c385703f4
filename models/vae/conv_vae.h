// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nn/adam.h"
#include "nn/batch_trainer.h"
#include "io/safetensors.h"
#include "nn/image_decoder.h"
#include "nn/image_encoder.h"
#include "nn/precision.h"
#include "nn/tensor_specs.h"
#include "vae/vae.h"

#include <torch/nn/cloneable.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <memory>
#include <string>

namespace genlab {

/// Options of the convolutional VAE (Kingma & Welling 2013, with the encoder and decoder of a
/// DCGAN-style pair) for 28×28 grey or 32/64 px grey or RGB images.
struct ConvVAEOptions {
  /// Dimension d of the latent code z (2 … 128).
  TORCH_ARG(int64_t, latent_dim) = 16;
  /// Image channels: 1 (grey) or 3 (RGB).
  TORCH_ARG(int64_t, channels) = 1;
  /// Image side: 28, 32 or 64.
  TORCH_ARG(int64_t, image_size) = 28;
  /// Feature maps of the encoder's first and the decoder's last hidden convolution (doubling inward).
  TORCH_ARG(int64_t, width) = 32;
  /// Told the class (a conditional VAE): how many classes (0: not told). The encoder's head reads
  /// the conv features then the one-hot class, the decoder the code then the class.
  TORCH_ARG(int64_t, classes) = 0;
};

/// [Conv 4×4 stride 2 → ReLU]… → flatten → Linear → (μ, log σ²). 28 px: 28 → 14 → 7;
/// 32/64 px: halved down to 4×4.
class ConvEncoderImpl : public torch::nn::Cloneable<ConvEncoderImpl> {
 public:
  explicit ConvEncoderImpl(const ConvVAEOptions& options = {});
  void reset() override;
  /// μ and log σ² (B, d) for images (B, channels, size, size) in [0, 1].
  std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& x, const torch::Tensor& labels = {});
  const ConvVAEOptions& options() const { return options_; }

  torch::nn::Sequential main{nullptr};
  torch::nn::Linear head{nullptr};

 private:
  ConvVAEOptions options_;
};
TORCH_MODULE(ConvEncoder);

/// The mirror: Linear → (C, s, s) → [ReLU → ConvTranspose 4×4 stride 2]… → Bernoulli logits.
class ConvDecoderImpl : public torch::nn::Cloneable<ConvDecoderImpl> {
 public:
  explicit ConvDecoderImpl(const ConvVAEOptions& options = {});
  void reset() override;
  /// Logits (B, channels, size, size) for codes (B, d).
  /// Logits for codes (B, latent_dim + classes): z, then (told the class) the one-hot class.
  torch::Tensor forward(const torch::Tensor& z);
  const ConvVAEOptions& options() const { return options_; }

  torch::nn::Linear project{nullptr};
  torch::nn::Sequential main{nullptr};

 private:
  ConvVAEOptions options_;
  int64_t start_channels_ = 0, start_size_ = 0;
};
TORCH_MODULE(ConvDecoder);

/// Encoder + reparameterisation + decoder; weights are "encoder.*" and "decoder.*".
class ConvVAEImpl : public torch::nn::Module {
 public:
  explicit ConvVAEImpl(const ConvVAEOptions& options = {});
  /// Encode, draw z = μ + σ·ε with ε from `generator`, decode. Logits have the images' shape,
  /// so vae_loss() applies unchanged.
  VAEOutput forward(const torch::Tensor& x, c10::optional<at::Generator> generator = c10::nullopt,
                    const torch::Tensor& labels = {});
  const ConvVAEOptions& options() const { return options_; }

  ConvEncoder encoder{nullptr};
  ConvDecoder decoder{nullptr};

 private:
  ConvVAEOptions options_;
};
TORCH_MODULE(ConvVAE);

/// The tensors of ConvEncoder(options), ConvDecoder(options) and ConvVAE(options) ("encoder.*",
/// "decoder.*"), from the options alone, or the message their constructors would throw.
Result<TensorSpecs> conv_encoder_tensors(const ConvVAEOptions& options);
Result<TensorSpecs> conv_decoder_tensors(const ConvVAEOptions& options);
Result<TensorSpecs> conv_vae_tensors(const ConvVAEOptions& options);

/// Hyperparameters of conv-VAE training.
struct ConvVaeTrainerOptions {
  /// Adam learning rate.
  TORCH_ARG(double, lr) = 1e-3;
  /// Images per step.
  TORCH_ARG(int64_t, batch_size) = 128;
  /// Weight of the KL term (1 = the ELBO; β > 1 trades reconstruction for a smoother code).
  TORCH_ARG(double, beta) = 1.0;
  /// Seeds the initial weights, the data order and the reparameterisation noise.
  TORCH_ARG(uint64_t, seed) = 1;
  /// bfloat16 convolutions and matrix products in training (float32 weights, Adam and loss), or float32.
  TORCH_ARG(Precision, precision) = Precision::Float32;
};

/// Trains a ConvVAE with autograd and Adam on images held in memory.
class ConvVaeTrainer final : public BatchTrainer {
 public:
  /// `images`: (N, channels, size, size) float in [0, 1].
  /// `labels` (N): the images' classes, for a model told the class (else undefined).
  ConvVaeTrainer(const ConvVAEOptions& model_options, const ConvVaeTrainerOptions& options, at::Tensor images,
                 at::Tensor labels = {});

  ConvVAE& model() { return model_; }
  /// One Adam step on the next batch: {total = recon + β·kl, recon, kl} per image.
  VAELoss step();
  /// Mean negative ELBO (β = 1), reconstruction and KL per image over `images`, with fixed noise.
  VAELoss evaluate(const at::Tensor& images, const at::Tensor& labels = {}, uint64_t noise_seed = 12345);
  /// A copy of the decoder (Bernoulli means) for the GUI.
  std::shared_ptr<const ImageDecoder> decoder() const;
  /// A copy of the encoder (posterior means and log σ²) for the GUI.
  std::shared_ptr<const ImageEncoder> encoder() const;

 private:
  ConvVaeTrainerOptions options_;
  at::Tensor labels_;  ///< told the class: one per training image (int64)
  ConvVAE model_{nullptr};
  std::unique_ptr<Adam> adam_;
};

/// Mean negative ELBO (β = 1), reconstruction and KL per image (double scalars) over `images`
/// (N, channels, size, size) in [0, 1], with noise drawn from `noise_seed`: deterministic.
VAELoss evaluate_conv_vae(ConvVAE& model, const at::Tensor& images, uint64_t noise_seed = 12345,
                          const at::Tensor& labels = {});

/// Fills "encoder.*" and "decoder.*" of `model` from an opened conv-VAE weights file (float32).
/// Nothing changes unless every tensor fits; the error names `file_name` and the first tensor
/// missing or of another shape or dtype.
Status load_conv_vae_weights(ConvVAE& model, const SafetensorsFile& file, const std::string& file_name);
/// The same from a path.
Status load_conv_vae_weights(ConvVAE& model, const std::string& weights_path);

/// The decoder ("decoder.*") of an opened conv-VAE weights file, as an ImageDecoder of Bernoulli
/// means; an error when the file does not hold a decoder of this shape or `options` are invalid.
Result<std::shared_ptr<const ImageDecoder>> load_conv_vae_decoder(const SafetensorsFile& file,
                                                                  const std::string& file_name,
                                                                  const ConvVAEOptions& options);
/// The same from a path.
/// The encoder ("encoder.*") of an opened conv-VAE weights file: images (B, channels, size, size)
/// in [0, 1] to μ and log σ²; an error when the tensors do not fit.
Result<std::shared_ptr<const ImageEncoder>> load_conv_vae_encoder(const SafetensorsFile& file,
                                                                  const std::string& file_name,
                                                                  const ConvVAEOptions& options);
Result<std::shared_ptr<const ImageDecoder>> load_conv_vae_decoder(const std::string& weights_path,
                                                                  const ConvVAEOptions& options);

}  // namespace genlab
