// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "autoregressive/pixel_model.h"
#include "nn/tensor_specs.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/pimpl.h>

namespace genlab {

/// Options of a Row LSTM PixelRNN (van den Oord et al. 2016, "Pixel Recurrent Neural Networks").
struct PixelRNNOptions {
  /// Hidden state per pixel of each LSTM layer.
  TORCH_ARG(int64_t, hidden) = 32;
  /// Row LSTM layers (the first reads the image with mask A; the others mask B, residual).
  TORCH_ARG(int64_t, layers) = 2;
  /// Feature maps of the 1×1 output head.
  TORCH_ARG(int64_t, head_width) = 64;
  TORCH_ARG(int64_t, levels) = 2;
  TORCH_ARG(int64_t, classes) = 0;
  TORCH_ARG(int64_t, image_size) = 28;
};

/// One Row LSTM layer: the image is read one row at a time, top to bottom. Each row's four gates
/// are an input-to-state convolution (1×3 along the row, masked to the pixels on the left) plus a
/// state-to-state convolution (1×3) of the previous row's hidden state; the state is an LSTM's.
/// Each pixel sees a triangle of rows above it and the row to its left.
class RowLSTMImpl : public torch::nn::Module {
 public:
  RowLSTMImpl(int64_t in, int64_t hidden, bool mask_a, int64_t classes);
  /// Input-to-state for all rows at once: (B, 4·hidden, H, W).
  at::Tensor input_to_state(const at::Tensor& x, const at::Tensor& labels);
  /// One row: gates (B, 4·hidden, W) of the row's input, the previous row's (h, c) → its (h, c).
  std::pair<at::Tensor, at::Tensor> row(const at::Tensor& input_gates, const at::Tensor& h, const at::Tensor& c);
  /// All rows: x (B, in, H, W) → hidden states (B, hidden, H, W).
  at::Tensor forward(const at::Tensor& x, const at::Tensor& labels);

  torch::nn::Conv2d input_conv{nullptr};
  torch::nn::Conv1d state_conv{nullptr};
  torch::nn::Embedding class_gates{nullptr};

 private:
  at::Tensor mask_;
  int64_t hidden_;
};
TORCH_MODULE(RowLSTM);

class PixelRNNImpl : public PixelNetImpl {
 public:
  explicit PixelRNNImpl(const PixelRNNOptions& options = {});
  at::Tensor forward(const at::Tensor& images, const at::Tensor& labels) override;
  /// Row `row` alone from the cached states of the rows above it (computed once each).
  at::Tensor row_logits(const at::Tensor& images, const at::Tensor& labels, int64_t row, RowCache& cache) override;
  const PixelModelShape& shape() const override { return shape_; }
  const PixelRNNOptions& options() const { return options_; }

  torch::nn::ModuleList layers{nullptr};
  torch::nn::Conv2d head1{nullptr}, head2{nullptr};

 private:
  /// The hidden states of every layer for one row (B, …, 1, W) given the states above.
  at::Tensor run_row(const at::Tensor& x_row, const at::Tensor& labels, std::vector<at::Tensor>& state,
                     bool keep);
  at::Tensor head(const at::Tensor& h);

  PixelRNNOptions options_;
  PixelModelShape shape_;
};
TORCH_MODULE(PixelRNN);

/// Checks the sizes (hidden 1…256, layers 1…8, levels 2 or 256, classes 0…100, image 8…64 px).
void check_pixelrnn_options(const PixelRNNOptions& o);

/// The tensors of PixelRNN(options), from the options alone, or the message of
/// check_pixelrnn_options. Every image size it accepts fits.
Result<TensorSpecs> pixelrnn_tensors(const PixelRNNOptions& options);

}  // namespace genlab
