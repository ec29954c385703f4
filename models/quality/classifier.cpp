// SPDX-License-Identifier: GPL-3.0-or-later
#include "quality/classifier.h"

#include "io/safetensors.h"
#include "nn/adam.h"
#include "nn/module_decoder.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/cross_entropy_loss.h>
#include <ATen/ops/max_pool2d.h>
#include <ATen/ops/randint.h>
#include <ATen/ops/randperm.h>
#include <ATen/ops/upsample_bilinear2d.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/constant_pad_nd.h>
#include <ATen/ops/dropout.h>
#include <c10/core/GradMode.h>
#include <c10/core/InferenceMode.h>
#include <torch/utils.h>

#include <charconv>
#include <cmath>

namespace genlab {

ImageClassifierImpl::ImageClassifierImpl(int64_t classes) : classes_(classes) {
  conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 32, 3).padding(1)));
  conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 64, 3).padding(1)));
  hidden = register_module("hidden", torch::nn::Linear(64 * 7 * 7, 128));
  out = register_module("out", torch::nn::Linear(128, classes));
}

Result<TensorSpecs> image_classifier_tensors(int64_t classes) {
  // What load_classifier accepts: the constructor itself takes any count LibTorch can allocate.
  if (classes < 2 || classes > 1000)
    return {{}, c10::str("the quality classifier's classes must be in 2..1000, got ", classes)};
  TensorSpecBuilder b;
  b.conv("conv1", 1, 32, {3, 3});
  b.conv("conv2", 32, 64, {3, 3});
  b.linear("hidden", 64 * 7 * 7, 128);
  b.linear("out", 128, classes);
  return {b.specs(), {}};
}

at::Tensor ImageClassifierImpl::features(const at::Tensor& pixels) {
  auto x = pixels.sub(0.5).mul(2);  // [0, 1] → [−1, 1]
  x = at::max_pool2d(conv1->forward(x).relu(), 2);
  x = at::max_pool2d(conv2->forward(x).relu(), 2);
  return hidden->forward(x.flatten(1)).relu();
}

at::Tensor ImageClassifierImpl::forward(const at::Tensor& pixels) {
  return out->forward(at::dropout(features(pixels), 0.3, is_training()));
}

at::Tensor classifier_input(const at::Tensor& pixels) {
  auto x = pixels.to(at::kFloat);
  if (x.dim() == 3)
    x = x.unsqueeze(1);
  if (x.size(1) == 3)  // ITU-R BT.601 luma
    x = x.select(1, 0).mul(0.299).add(x.select(1, 1).mul(0.587)).add(x.select(1, 2).mul(0.114)).unsqueeze(1);
  if (x.size(2) != 28 || x.size(3) != 28)
    x = at::upsample_bilinear2d(x, {28, 28}, /*align_corners=*/false);
  return x.contiguous();
}

void train_classifier(ImageClassifier& model, const at::Tensor& images, const at::Tensor& labels,
                      const ClassifierTraining& o, const std::function<bool(int, int)>& progress,
                      const std::function<bool()>& stopping) {
  TORCH_CHECK(images.size(0) == labels.size(0) && images.size(0) > 0, "classifier: images and labels differ in number");
  const auto x = classifier_input(images);
  const auto y = labels.to(at::kLong);
  auto gen = at::make_generator<at::CPUGeneratorImpl>(o.seed);
  {
    // Initial weights from the seed too: the same data and seed give the same classifier.
    c10::NoGradGuard no_grad;
    for (auto& p : model->named_parameters()) {
      const double fan_in = double(p.value().numel() / p.value().size(0));
      const double bound = 1.0 / std::sqrt(p.value().dim() > 1 ? fan_in : double(p.value().size(0)));
      p.value().uniform_(-bound, bound, gen);
    }
  }
  std::vector<std::pair<std::string, at::Tensor>> params;
  for (auto& p : model->named_parameters())
    params.emplace_back(p.key(), p.value());
  Adam adam(params, o.lr);
  model->train();
  const int64_t n = x.size(0), s = o.shift;
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    if (3 * epoch >= 2 * o.epochs)  // the last third at a quarter of the rate
      adam.set_lr(o.lr / 4);
    const auto order = at::randperm(n, gen, at::TensorOptions(at::kLong));
    for (int64_t start = 0; start < n; start += o.batch_size) {
      if (stopping && stopping()) {  // asked between batches: a stop waits for one batch, not an epoch
        model->eval();
        return;
      }
      const auto idx = order.slice(0, start, std::min(n, start + o.batch_size));
      auto batch = x.index_select(0, idx);
      if (s > 0) {  // each group of 8 images moved by its own (dx, dy) ∈ [−s, s]²
        const auto padded = at::constant_pad_nd(batch, {s, s, s, s}, 0);
        const int64_t groups = (batch.size(0) + 7) / 8;
        const auto d = at::randint(0, 2 * s + 1, {groups, 2}, gen, at::TensorOptions(at::kLong));
        const int64_t* shift = d.data_ptr<int64_t>();
        std::vector<at::Tensor> moved;
        for (int64_t g = 0; g < groups; ++g)
          moved.push_back(padded.slice(0, 8 * g, 8 * g + 8).slice(2, shift[2 * g + 1], shift[2 * g + 1] + 28).slice(3, shift[2 * g], shift[2 * g] + 28));
        batch = at::cat(moved);
      }
      adam.zero_grad();
      at::cross_entropy_loss(model->forward(batch), y.index_select(0, idx)).backward();
      adam.step();
    }
    if (progress && !progress(epoch + 1, o.epochs))
      break;
  }
  model->eval();
}

double classifier_accuracy(ImageClassifier& model, const at::Tensor& images, const at::Tensor& labels) {
  c10::InferenceMode guard;
  const auto x = classifier_input(images);
  int64_t right = 0;
  for (int64_t start = 0; start < x.size(0); start += 500) {
    const auto part = x.slice(0, start, start + 500);
    right += model->forward(part).argmax(1).eq(labels.slice(0, start, start + 500).to(at::kLong)).sum().item<int64_t>();
  }
  return x.size(0) > 0 ? double(right) / double(x.size(0)) : 0.0;
}

Status save_classifier(const std::string& path, ImageClassifier& model, double accuracy, const std::string& data) {
  NamedTensors tensors;
  for (const auto& p : model->named_parameters())
    tensors.emplace_back(p.key(), p.value().detach());
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, accuracy).ptr;
  return save_safetensors(path, tensors,
                          {{"kind", "genlab-quality-classifier"},
                           {"classes", std::to_string(model->classes())},
                           {"heldout_accuracy", std::string(text, end)},
                           {"data", data}});
}

Result<LoadedClassifier> load_classifier(const std::string& path) {
  Result<LoadedClassifier> out;
  auto file = load_safetensors(path);
  if (!file.ok()) {
    out.error = file.error;
    return out;
  }
  auto meta = [&](const char* key) {
    const auto it = file.value.metadata.find(key);
    return it == file.value.metadata.end() ? std::string() : it->second;
  };
  int64_t classes = 0;
  const std::string c = meta("classes");
  if (meta("kind") != "genlab-quality-classifier" ||
      std::from_chars(c.data(), c.data() + c.size(), classes).ec != std::errc() || classes < 2 || classes > 1000) {
    out.error = file_name_of(path) + " is not a GenLab quality classifier";
    return out;
  }
  const std::string a = meta("heldout_accuracy");
  double accuracy = 0;
  if (std::from_chars(a.data(), a.data() + a.size(), accuracy).ec != std::errc() || !(accuracy >= 0 && accuracy <= 1)) {
    out.error = file_name_of(path) + ": heldout_accuracy is not a share in [0, 1]";
    return out;
  }
  ImageClassifier model(classes);
  if (const auto loaded = load_module_weights(*model, file.value, file_name_of(path), ""); !loaded.ok()) {
    out.error = loaded.error;
    return out;
  }
  model->eval();
  out.value = {model, accuracy, meta("data")};
  return out;
}

}  // namespace genlab
