// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nn/tensor_specs.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/pimpl.h>

#include <c10/util/Optional.h>

namespace genlab {

/// Options of the MLP VAE of seed 003.
struct VAEOptions {
  /// Pixels per image (28x28 = 784).
  TORCH_ARG(int64_t, input_dim) = 784;
  /// Width of the single hidden layer of encoder and decoder.
  TORCH_ARG(int64_t, hidden_dim) = 256;
  /// Dimension d of the latent code z.
  TORCH_ARG(int64_t, latent_dim) = 2;
  /// A plain auto-encoder: the encoder outputs the code itself (d values), no noise, no KL term.
  /// Same layers otherwise, so the two can be compared on the same data (seed 000's argument:
  /// the auto-encoder leaves gaps between training codes, the VAE's noise fills them).
  TORCH_ARG(bool, deterministic) = false;
  /// Told the class (a conditional VAE, Sohn et al. 2015): how many classes (0: not told). Encoder
  /// and decoder both get the class as one-hot values after their input, so the code is free to
  /// hold what the class does not say: the style.
  TORCH_ARG(int64_t, classes) = 0;
};

/// What one forward pass gives: Bernoulli logits of the reconstruction and the posterior.
struct VAEOutput {
  torch::Tensor logits;  ///< (B, input_dim), before the sigmoid
  torch::Tensor mu;      ///< (B, d)
  torch::Tensor logvar;  ///< (B, d), log σ²; undefined for a deterministic auto-encoder
  torch::Tensor z;       ///< (B, d), μ + σ·ε
};

/// Losses per image, in nats: total = recon + β·kl (the negative ELBO for β = 1).
struct VAELoss {
  torch::Tensor total;
  torch::Tensor recon;
  torch::Tensor kl;
};

/// encoder: Linear(784 (+ classes), 256) → ReLU → Linear(256, 2d) = (μ, log σ²);
/// decoder: Linear(d (+ classes), 256) → ReLU → Linear(256, 784) = Bernoulli logits.
/// Module names match seed 003 (`encoder.0.weight` …) so weights move to PyTorch by name.
class VAEImpl : public torch::nn::Module {
 public:
  explicit VAEImpl(const VAEOptions& options = {});
  void reset();

  /// μ and log σ² of q(z|x) for x of shape (B, input_dim) with values in [0, 1] (told the class: of
  /// q(z|x, y), `labels` (B) their classes).
  std::pair<torch::Tensor, torch::Tensor> encode(const torch::Tensor& x, const torch::Tensor& labels = {});
  /// Bernoulli logits (B, input_dim) for codes z (B, d) (told the class: of classes `labels`).
  torch::Tensor decode(const torch::Tensor& z, const torch::Tensor& labels = {});
  /// Encode, draw z = μ + σ·ε with ε from `generator` (or the default one), decode.
  VAEOutput forward(const torch::Tensor& x, c10::optional<at::Generator> generator = c10::nullopt,
                    const torch::Tensor& labels = {});

  const VAEOptions& options() const { return options_; }

  torch::nn::Sequential encoder{nullptr};
  torch::nn::Sequential decoder{nullptr};

 private:
  VAEOptions options_;
};
TORCH_MODULE(VAE);

/// The tensors of VAE(options) (an auto-encoder's when `deterministic`), from the options alone, or
/// the message its constructor would throw.
Result<TensorSpecs> vae_tensors(const VAEOptions& options);

/// BCE(sum over pixels) + β·KL(q(z|x) ‖ N(0, I)), each averaged over the batch (KL = 0 for an
/// auto-encoder's output, which has no log σ²).
VAELoss vae_loss(const VAEOutput& out, const torch::Tensor& x, double beta = 1.0);

}  // namespace genlab
