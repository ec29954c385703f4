// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/safetensors.h"
#include "nn/adam.h"
#include "nn/batch_trainer.h"
#include "nn/image_decoder.h"
#include "nn/precision.h"
#include "nn/tensor_specs.h"

#include <ATen/core/Generator.h>
#include <torch/nn/cloneable.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace genlab {

/// Options of the DCGAN pair (Radford et al. 2015, "Unsupervised Representation Learning with
/// Deep Convolutional Generative Adversarial Networks"), sized for 28×28 grey or 32/64 px images.
struct DCGANOptions {
  /// Dimension of the noise z the generator draws from.
  TORCH_ARG(int64_t, latent_dim) = 64;
  /// Image channels: 1 (grey) or 3 (RGB).
  TORCH_ARG(int64_t, channels) = 1;
  /// Image side: 28, 32 or 64.
  TORCH_ARG(int64_t, image_size) = 28;
  /// Feature maps of the generator's last and the discriminator's first convolution.
  TORCH_ARG(int64_t, width) = 64;
  /// The discriminator also sees how much its images differ from each other (Karras et al. 2018,
  /// "Progressive Growing of GANs", minibatch standard deviation): one more feature map before
  /// the classifier, so a generator that draws few kinds of image is caught.
  TORCH_ARG(bool, minibatch_std) = false;
  /// Told the class (a conditional GAN): how many classes (0: not told). The generator's code is z
  /// followed by the class as one-hot values; the discriminator projects its features onto a learned
  /// vector per class (Miyato & Koyama 2018, "cGANs with Projection Discriminator").
  TORCH_ARG(int64_t, classes) = 0;
};

/// z → Linear → (k·w, s, s) → [BatchNorm, ReLU, ConvTranspose 4×4 stride 2]… → tanh, with s = 7
/// for 28 px (7 → 14 → 28) and 4 for 32/64 px (4 → 8 → … → size).
class GeneratorImpl : public torch::nn::Cloneable<GeneratorImpl> {
 public:
  explicit GeneratorImpl(const DCGANOptions& options = {});
  void reset() override;
  /// Images (B, channels, size, size) in [−1, 1] for codes (B, latent_dim + classes): the noise,
  /// then for a generator told the class its one-hot class (with_class()).
  torch::Tensor forward(const torch::Tensor& z);
  const DCGANOptions& options() const { return options_; }

  torch::nn::Linear project{nullptr};
  torch::nn::Sequential main{nullptr};

 private:
  DCGANOptions options_;
  int64_t start_channels_ = 0, start_size_ = 0;
};
TORCH_MODULE(Generator);

/// The mirror: [Conv 4×4 stride 2, (BatchNorm,) LeakyReLU 0.2]… → (minibatch deviation) → Linear →
/// one logit per image.
class DiscriminatorImpl : public torch::nn::Module {
 public:
  explicit DiscriminatorImpl(const DCGANOptions& options = {});
  void reset();
  /// Logits (B) that images (B, channels, size, size) in [−1, 1] are real; told the class, that
  /// they are real images of classes `labels` (B, int64), which it then needs.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& labels = {});
  const DCGANOptions& options() const { return options_; }

  torch::nn::Sequential main{nullptr};
  torch::nn::Linear classify{nullptr};
  torch::nn::Embedding project{nullptr};  ///< told the class: one vector per class, dotted with the features

 private:
  DCGANOptions options_;
};
TORCH_MODULE(Discriminator);

/// The tensors of Generator(options) and of Discriminator(options) (batch-norm statistics among
/// them), from the options alone, or the message their constructors would throw.
Result<TensorSpecs> generator_tensors(const DCGANOptions& options);
Result<TensorSpecs> discriminator_tensors(const DCGANOptions& options);

/// One step's numbers: the two losses and the discriminator's mean belief on real and fake images.
struct GanLosses {
  double d_loss = 0;  ///< BCE of D on real (label 1) + fake (label 0)
  double g_loss = 0;  ///< non-saturating: BCE of D(G(z)) against label 1
  double d_real = 0;  ///< mean D(x), probability
  double d_fake = 0;  ///< mean D(G(z)) before D's update, probability
};

/// Hyperparameters of GAN training (DCGAN paper: Adam 2e-4, β₁ = 0.5, batch 64–128).
struct GanTrainerOptions {
  /// Adam learning rate of both networks.
  TORCH_ARG(double, lr) = 2e-4;
  /// Adam β₁ (0.5 keeps the alternating game stable).
  TORCH_ARG(double, beta1) = 0.5;
  /// Adam β₂.
  TORCH_ARG(double, beta2) = 0.999;
  /// The discriminator's learning rate as a multiple of lr (two time scales, Heusel et al. 2017).
  TORCH_ARG(double, discriminator_lr_scale) = 1;
  /// Images per step.
  TORCH_ARG(int64_t, batch_size) = 64;
  /// Seeds the initial weights, the data order and every noise draw.
  TORCH_ARG(uint64_t, seed) = 1;
  /// bfloat16 convolutions and matrix products in training (float32 weights, Adam, losses), or float32.
  TORCH_ARG(Precision, precision) = Precision::Float32;
};

/// The minibatch standard deviation feature (Karras et al. 2018): for features (B, C, H, W), in
/// consecutive groups of 4 images (of 2 when B is even but not divisible by 4, else the whole
/// batch), the standard deviation of
/// every value across the group, averaged into one number per group, appended as a constant
/// feature map: (B, C + 1, H, W). Groups are consecutive, so a batch cut into multiples of 4
/// gives the same numbers as one batch.
at::Tensor append_minibatch_std(const at::Tensor& features);

/// Trains G and D in alternation on images held in memory (seed 000: fix G and train D on real
/// and generated images, then fix D and train G to make D say "real"). Checkpoints hold
/// "generator.*" and "discriminator.*" (parameters and batch-norm statistics).
class GanTrainer final : public BatchTrainer {
 public:
  /// `images`: (N, channels, size, size) float in [0, 1]; `labels` (N) their classes, for a pair
  /// told the class (model_options.classes() > 0), else undefined.
  GanTrainer(const DCGANOptions& model_options, const GanTrainerOptions& options, at::Tensor images,
             at::Tensor labels = {});

  Generator& generator() { return generator_; }
  Discriminator& discriminator() { return discriminator_; }
  GanLosses step();
  /// Generated images (n, channels, size, size) in [0, 1] for noise drawn with `seed` (told the
  /// class: the classes in turn, 0, 1, 2 …).
  at::Tensor sample(int64_t n, uint64_t seed);

  /// A copy of the generator (eval mode) that turns codes into images, for the GUI.
  std::shared_ptr<const ImageDecoder> decoder() const;
  /// evaluate_gan of the current networks on held-out `images` (N, channels, size, size) in [0, 1]
  /// (and their `labels` for a pair told the class).
  GanLosses evaluate(const at::Tensor& images, const at::Tensor& labels = {}, uint64_t seed = 12345);

 private:
  double d_lr() const { return options_.lr() * options_.discriminator_lr_scale(); }

  GanTrainerOptions options_;
  at::Tensor labels_;
  Generator generator_{nullptr};
  Discriminator discriminator_{nullptr};
  std::unique_ptr<Adam> g_adam_, d_adam_;
};

/// The held-out numbers of a GAN (what `genlab-cli eval` prints): on `images` (N, channels, size,
/// size) in [0, 1], scaled to [−1, 1] as in training, and N fakes from noise (N, latent_dim) drawn
/// with a generator seeded by `seed` (told the class: the fakes drawn for `labels`, the real images'
/// classes, and D judges each image against its label): D's BCE on real (label 1) plus on fake (label 0), the
/// non-saturating G loss, mean D(x) and mean D(G(z)). Both networks run in eval mode (batch norm
/// on its running statistics) in batches of `batch`, without gradients, and are put back in the
/// training mode they were in. The numbers do not depend on `batch`.
GanLosses evaluate_gan(Generator& g, Discriminator& d, const at::Tensor& images, const at::Tensor& labels = {},
                       uint64_t seed = 12345, int64_t batch = 256);

/// Fills "generator.*" and "discriminator.*" (parameters and batch-norm buffers) from an opened
/// GAN weights file. Nothing changes unless every tensor fits; the error names `file_name` and the
/// first tensor missing or of another shape or dtype (weights must be float32).
Status load_gan(Generator& g, Discriminator& d, const SafetensorsFile& file, const std::string& file_name);
/// The same from a path.
Status load_gan(Generator& g, Discriminator& d, const std::string& weights_path);

/// The generator ("generator.*") of an opened GAN weights file, as an ImageDecoder; an error when
/// the file does not hold a generator of this shape or `options` are invalid.
Result<std::shared_ptr<const ImageDecoder>> load_generator_decoder(const SafetensorsFile& file,
                                                                   const std::string& file_name,
                                                                   const DCGANOptions& options);
/// The same from a path.
Result<std::shared_ptr<const ImageDecoder>> load_generator_decoder(const std::string& weights_path,
                                                                   const DCGANOptions& options);

}  // namespace genlab
