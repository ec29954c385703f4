// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/safetensors.h"
#include "nn/adam.h"
#include "nn/batch_trainer.h"
#include "nn/image_encoder.h"
#include "nn/tensor_specs.h"

#include <torch/nn/cloneable.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/pimpl.h>

#include <memory>
#include <string>

namespace genlab {

/// The generative models of the toy 2-D point sets (GAN Lab's playground, in our own models):
/// a VAE with a Gaussian likelihood, the auto-encoder with the same layers, and a GAN; all MLPs.
/// Which of the three toy models.
enum class ToyKind { Vae, Autoencoder, Gan };
/// "VAE", "auto-encoder" or "GAN" (messages).
const char* toy_kind_name(ToyKind kind);

struct ToyModelOptions {
  TORCH_ARG(ToyKind, kind) = ToyKind::Vae;
  /// Dimension d of the latent code (2 … 128).
  TORCH_ARG(int64_t, latent_dim) = 2;
  /// Width of the two hidden layers of every MLP.
  TORCH_ARG(int64_t, hidden) = 128;
};

/// Linear(in, h) → act → Linear(h, h) → act → Linear(h, out); `leaky` picks LeakyReLU(0.2) over ReLU.
torch::nn::Sequential toy_mlp(int64_t in, int64_t hidden, int64_t out, bool leaky);

/// The code → point half, shared by the VAE/AE decoder and the GAN generator. Works in the data's
/// standardised coordinates; `data_mean` and `data_std` (buffers, saved with the weights) map back.
class ToyDecoderImpl : public torch::nn::Cloneable<ToyDecoderImpl> {
 public:
  explicit ToyDecoderImpl(const ToyModelOptions& options = {});
  void reset() override;
  /// Points (B, 2) in data coordinates for codes (B, d).
  torch::Tensor forward(const torch::Tensor& z);
  /// The same in standardised coordinates (what the losses use).
  torch::Tensor forward_standardised(const torch::Tensor& z);
  const ToyModelOptions& options() const { return options_; }

  torch::nn::Sequential net{nullptr};
  torch::Tensor data_mean, data_std;
  /// VAE only: log σ of p(x | z) per coordinate, learned (the other kinds leave it unused).
  torch::Tensor log_sigma;

 private:
  ToyModelOptions options_;
};
TORCH_MODULE(ToyDecoder);

/// The tensors of toy_mlp(in, hidden, out, either activation) ("0.weight" … "4.bias").
TensorSpecs toy_mlp_tensors(int64_t in, int64_t hidden, int64_t out);
/// The tensors of ToyDecoder(options), from the options alone, or the message its constructor
/// would throw.
Result<TensorSpecs> toy_decoder_tensors(const ToyModelOptions& options);
/// The tensors of a toy model as ToyTrainer saves and loads its networks: "decoder.*", and
/// "encoder.*" (VAE, auto-encoder) or "discriminator.*" (GAN).
Result<TensorSpecs> toy_model_tensors(const ToyModelOptions& options);

class ToyPointDecoder;

/// Hyperparameters of toy training.
struct ToyTrainerOptions {
  /// Adam learning rate.
  TORCH_ARG(double, lr) = 1e-3;
  /// Points per step.
  TORCH_ARG(int64_t, batch_size) = 256;
  /// VAE: weight of the KL term.
  TORCH_ARG(double, beta) = 1.0;
  /// Seeds the weights, the data order and every noise draw.
  TORCH_ARG(uint64_t, seed) = 1;
};

/// Trains one toy model on points (N, 2). step() returns, by kind:
/// vae {total, recon, kl} (Gaussian negative log-likelihood in nats per point, learned σ);
/// ae {recon} (squared error per point, standardised units); gan {d_loss, g_loss, d_real, d_fake}.
class ToyTrainer final : public BatchTrainer {
 public:
  ToyTrainer(const ToyModelOptions& model_options, const ToyTrainerOptions& options, at::Tensor points);

  std::vector<double> step();
  /// Fills the networks (not the optimizer) from an opened weights file: "decoder.*" and
  /// "encoder.*" or "discriminator.*". Nothing changes unless every tensor fits; the error names
  /// `file_name` and the first tensor missing or of another shape or dtype (float32 only).
  Status load_weights(const SafetensorsFile& file, const std::string& file_name);
  /// The same from a path.
  Status load_weights(const std::string& weights_path);
  /// Held-out numbers over `points` (N, 2) with noise drawn from `noise_seed` (deterministic).
  /// VAE: {negative ELBO, recon, kl} per point; AE: {recon, recon, 0}; GAN: {d_loss, g_loss,
  /// d_real, d_fake} as step() reports them, on the points and N fakes.
  std::vector<double> evaluate(const at::Tensor& points, uint64_t noise_seed = 12345);
  /// `n` generated points (n, 2): decoded prior draws (VAE, GAN) or codes spread like the data's (AE).
  at::Tensor sample(int64_t n, uint64_t seed);
  /// Mean and standard deviation of the codes of `points` (AE), or the prior N(0, 1).
  std::pair<std::vector<float>, std::vector<float>> latent_range(const at::Tensor& points);
  /// A copy of the decoder on the CPU, for the GUI.
  std::shared_ptr<const ToyPointDecoder> point_decoder() const;
  ToyDecoder& toy_decoder() { return decoder_; }
  /// A copy of the encoder (points in data coordinates to codes); null for the GAN.
  std::shared_ptr<const ImageEncoder> encoder() const;

 private:
  ToyModelOptions model_options_;
  ToyTrainerOptions options_;
  torch::nn::Sequential encoder_{nullptr}, discriminator_{nullptr};
  ToyDecoder decoder_{nullptr};
  std::unique_ptr<Adam> adam_, d_adam_;
};

/// A trained toy decoder copied for the GUI: codes to points in data coordinates (eval mode,
/// inference only: safe to share between threads). app/imaging draws the points.
class ToyPointDecoder {
 public:
  explicit ToyPointDecoder(ToyDecoder decoder);
  int64_t latent_dim() const { return latent_dim_; }
  /// The points (x, y, x, y, …) of `codes` (n·latent_dim values, code after code); empty when
  /// the count of values is not a multiple of latent_dim.
  std::vector<float> points(const std::vector<float>& codes) const;

 private:
  mutable ToyDecoder decoder_;
  int64_t latent_dim_;
};

/// The decoder ("decoder.*") of an opened toy weights file; an error when the file does not hold
/// a decoder of this shape or `options` are invalid.
Result<std::shared_ptr<const ToyPointDecoder>> load_toy_decoder(const SafetensorsFile& file,
                                                                const std::string& file_name,
                                                                const ToyModelOptions& options);
/// The same from a path.
Result<std::shared_ptr<const ToyPointDecoder>> load_toy_decoder(const std::string& weights_path,
                                                                const ToyModelOptions& options);
/// The encoder ("encoder.*", with the data scaling of "decoder.*") of an opened toy VAE or
/// auto-encoder weights file; an error for a GAN or when the tensors do not fit.
Result<std::shared_ptr<const ImageEncoder>> load_toy_encoder(const SafetensorsFile& file, const std::string& file_name,
                                                             const ToyModelOptions& options);

}  // namespace genlab
