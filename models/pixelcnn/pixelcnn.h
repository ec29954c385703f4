// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "autoregressive/pixel_model.h"
#include "nn/tensor_specs.h"

#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/pimpl.h>

namespace genlab {

/// Options of a PixelCNN for one-channel square images.
struct PixelCNNOptions {
  /// Feature maps of each stack.
  TORCH_ARG(int64_t, width) = 64;
  /// Layers: the first 7×7 (mask A: the pixel itself unseen), the rest 3×3 (mask B).
  TORCH_ARG(int64_t, layers) = 8;
  /// Feature maps of the 1×1 output head.
  TORCH_ARG(int64_t, head_width) = 128;
  /// Gated PixelCNN (van den Oord et al. 2016, "Conditional Image Generation with PixelCNN
  /// Decoders": a vertical and a horizontal stack, tanh·σ gates, residual horizontal stack), or
  /// false: the plain masked stack of "Pixel Recurrent Neural Networks" (ReLU, residual), whose
  /// receptive field has a blind spot up and to the right.
  TORCH_ARG(bool, gated) = true;
  TORCH_ARG(int64_t, levels) = 2;
  TORCH_ARG(int64_t, classes) = 0;
  TORCH_ARG(int64_t, image_size) = 28;
};

/// One gated layer: the vertical stack sees the rows above (and, here, its own row — used only one
/// row lower), the horizontal stack the row to the left plus the vertical stack shifted down.
class GatedLayerImpl : public torch::nn::Module {
 public:
  GatedLayerImpl(int64_t in, int64_t width, int64_t kernel, bool mask_a, int64_t classes);
  /// (v, h) → (v', h'), with the class `labels` (B) or undefined.
  std::pair<at::Tensor, at::Tensor> forward(const at::Tensor& v, const at::Tensor& h, const at::Tensor& labels);
  /// The vertical stack alone: its convolution before the class and the gate, and v'.
  std::pair<at::Tensor, at::Tensor> vertical(const at::Tensor& v, const at::Tensor& labels);
  /// The horizontal stack alone: h' from h and, for each row, the vertical convolution of the row
  /// above it (vertical().first shifted one row down).
  at::Tensor horizontal(const at::Tensor& h, const at::Tensor& v_above, const at::Tensor& labels);

  torch::nn::Conv2d v_conv{nullptr}, v_to_h{nullptr}, h_conv{nullptr}, h_out{nullptr};
  torch::nn::Embedding v_class{nullptr}, h_class{nullptr};

 private:
  int64_t kernel_;
  bool mask_a_;
};
TORCH_MODULE(GatedLayer);

/// A convolution whose kernel is masked to the pixels before the centre in raster order (mask A)
/// or those and the centre (mask B); the plain PixelCNN's building block.
class MaskedConvImpl : public torch::nn::Module {
 public:
  MaskedConvImpl(int64_t in, int64_t out, int64_t kernel, bool mask_a);
  at::Tensor forward(const at::Tensor& x);

  torch::nn::Conv2d conv{nullptr};

 private:
  at::Tensor mask_;
};
TORCH_MODULE(MaskedConv);

class PixelCNNImpl : public PixelNetImpl {
 public:
  explicit PixelCNNImpl(const PixelCNNOptions& options = {});
  at::Tensor forward(const at::Tensor& images, const at::Tensor& labels) override;
  /// Gated: the horizontal stack on row `row` alone, with the vertical stack of the row above
  /// computed once per row (on the rows it can depend on) and cached. Plain: forward() on the rows
  /// row `row` can depend on. Both exact.
  at::Tensor row_logits(const at::Tensor& images, const at::Tensor& labels, int64_t row, RowCache& cache) override;
  const PixelModelShape& shape() const override { return shape_; }
  const PixelCNNOptions& options() const { return options_; }
  /// How many rows above a pixel can reach its logits.
  int64_t vertical_reach() const;

  // Gated: the layers; plain: the masked convolutions (and a class embedding after the first).
  torch::nn::ModuleList layers{nullptr};
  torch::nn::Embedding plain_class{nullptr};
  torch::nn::Conv2d head1{nullptr}, head2{nullptr};

 private:
  PixelCNNOptions options_;
  PixelModelShape shape_;
};
TORCH_MODULE(PixelCNN);

/// Checks the sizes (width 1…512, layers 2…30, levels 2 or 256, classes 0…100, image 8…64 px).
void check_pixelcnn_options(const PixelCNNOptions& o);

/// The tensors of PixelCNN(options), from the options alone, or the message of
/// check_pixelcnn_options. Every image size it accepts fits (the convolutions are padded).
Result<TensorSpecs> pixelcnn_tensors(const PixelCNNOptions& options);

}  // namespace genlab
