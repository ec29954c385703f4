// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"
#include "nn/tensor_specs.h"

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <functional>
#include <string>

namespace genlab {

/// The judge of sample quality: a small convolutional classifier GenLab trains itself on the
/// data set (28 px, one channel; 32/64 px and colour are resized and greyed first):
///   [conv 3×3 32, ReLU, max-pool 2] → [conv 3×3 64, ReLU, max-pool 2] → 3136 → 128 (the
///   features the Fréchet distance compares), ReLU → (dropout 0.3 while training) → classes.
/// Inputs are pixels in [0, 1] of shape (B, 1, 28, 28).
class ImageClassifierImpl : public torch::nn::Module {
 public:
  explicit ImageClassifierImpl(int64_t classes = 10);
  /// The 128 features before the last layer (after its ReLU).
  at::Tensor features(const at::Tensor& pixels);
  /// Logits (B, classes).
  at::Tensor forward(const at::Tensor& pixels);
  int64_t classes() const { return classes_; }

  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
  torch::nn::Linear hidden{nullptr}, out{nullptr};

 private:
  int64_t classes_;
};
TORCH_MODULE(ImageClassifier);

/// The tensors of ImageClassifier(classes) (parameters only: what save_classifier writes), or a
/// message when `classes` is outside what load_classifier accepts (2…1000).
Result<TensorSpecs> image_classifier_tensors(int64_t classes);

/// Pixels in [0, 1] of any size and channel count as the classifier's (B, 1, 28, 28).
at::Tensor classifier_input(const at::Tensor& pixels);

struct ClassifierTraining {
  int epochs = 8;
  int64_t batch_size = 128;
  double lr = 2e-3;      ///< Adam; a quarter of it for the last third of the epochs
  int64_t shift = 2;     ///< random translation by up to this many pixels (augmentation)
  uint64_t seed = 1;
};

/// Trains `model` on (images in [0, 1], labels int64); `progress(epoch, epochs)` after each
/// epoch may return false to stop. Deterministic for a seed.
void train_classifier(ImageClassifier& model, const at::Tensor& images, const at::Tensor& labels,
                      const ClassifierTraining& options,
                      const std::function<bool(int epoch, int epochs)>& progress = {},
                      const std::function<bool()>& stopping = {});

/// Share of `images` classified as `labels`.
double classifier_accuracy(ImageClassifier& model, const at::Tensor& images, const at::Tensor& labels);

/// A trained classifier on disk (safetensors; metadata: classes, held-out accuracy, the data it
/// was trained on) and back. Loading checks every tensor's shape.
Status save_classifier(const std::string& path, ImageClassifier& model, double accuracy, const std::string& data);
struct LoadedClassifier {
  ImageClassifier model{nullptr};
  double accuracy = 0;
  std::string data;
};
Result<LoadedClassifier> load_classifier(const std::string& path);

}  // namespace genlab
