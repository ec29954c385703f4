// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixelcnn/pixelcnn.h"

#include "nn/gated_activation.h"
#include "nn/pointwise_conv.h"

#include <ATen/ops/constant_pad_nd.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/conv2d.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/relu.h>
#include <ATen/ops/zeros.h>
#include <torch/nn/modules/container/any.h>

#include <algorithm>
#include <vector>

namespace genlab {
namespace {

constexpr int64_t kFirstKernel = 7, kKernel = 3;

at::Tensor gate(const at::Tensor& x) { return gated_activation(x); }

// A 1×1 convolution module through pointwise_conv.
at::Tensor pointwise(const at::Tensor& x, const torch::nn::Conv2d& conv, const at::Tensor& residual = {}) {
  return pointwise_conv(x, conv->weight, conv->bias, residual);
}

// Images in [0, 1] as the network's input, centred.
at::Tensor centred(const at::Tensor& images) { return images.to(at::kFloat).mul(2).sub(1); }

}  // namespace

void check_pixelcnn_options(const PixelCNNOptions& o) {
  TORCH_CHECK(o.width() >= 1 && o.width() <= 512, "PixelCNN width must be in 1..512, got ", o.width());
  TORCH_CHECK(o.head_width() >= 1 && o.head_width() <= 1024, "PixelCNN head width must be in 1..1024, got ",
              o.head_width());
  TORCH_CHECK(o.layers() >= 2 && o.layers() <= 30, "PixelCNN layers must be in 2..30, got ", o.layers());
  TORCH_CHECK(o.levels() == 2 || o.levels() == 256, "a pixel has 2 (black/white) or 256 grey levels, not ",
              o.levels());
  TORCH_CHECK(o.classes() >= 0 && o.classes() <= 100, "classes must be in 0..100, got ", o.classes());
  TORCH_CHECK(o.image_size() >= 8 && o.image_size() <= 64, "PixelCNN images must be 8..64 px, got ", o.image_size());
}

GatedLayerImpl::GatedLayerImpl(int64_t in, int64_t width, int64_t kernel, bool mask_a, int64_t classes)
    : kernel_(kernel), mask_a_(mask_a) {
  using namespace torch::nn;
  const int64_t half = kernel / 2;
  v_conv = register_module("v_conv", Conv2d(Conv2dOptions(in, 2 * width, {half + 1, kernel})));
  v_to_h = register_module("v_to_h", Conv2d(Conv2dOptions(2 * width, 2 * width, 1)));
  h_conv = register_module("h_conv", Conv2d(Conv2dOptions(in, 2 * width, {1, mask_a ? half : half + 1})));
  h_out = register_module("h_out", Conv2d(Conv2dOptions(width, width, 1)));
  if (classes > 0) {
    v_class = register_module("v_class", Embedding(classes, 2 * width));
    h_class = register_module("h_class", Embedding(classes, 2 * width));
  }
}

std::pair<at::Tensor, at::Tensor> GatedLayerImpl::vertical(const at::Tensor& v, const at::Tensor& labels) {
  const int64_t half = kernel_ / 2;
  // Output row i reads rows i − half … i (zero rows above the image).
  const auto v_conv_out = v_conv->forward(at::constant_pad_nd(v, {half, half, half, 0}));
  auto v_pre = v_conv_out;
  if (labels.defined() && !v_class.is_empty())
    v_pre = v_pre + v_class->forward(labels).view({labels.size(0), -1, 1, 1});
  return {v_conv_out, gate(v_pre)};
}

at::Tensor GatedLayerImpl::horizontal(const at::Tensor& h, const at::Tensor& v_above, const at::Tensor& labels) {
  const int64_t half = kernel_ / 2, cols = h.size(3);
  // Column j reads j − half … j (mask B) or … j − 1 (mask A), zero columns on the left.
  at::Tensor h_pre;
  if (mask_a_) {
    h_pre = h_conv->forward(at::constant_pad_nd(h, {half, 0, 0, 0})).narrow(3, 0, cols) + v_to_h->forward(v_above);
  } else {
    // Both convolutions as one matrix product: h shifted right by half … 0 columns, then the row
    // above, against h_conv's taps and v_to_h's weights side by side (a third fewer passes, and
    // OpenBLAS's backward instead of oneDNN's slow NCHW one).
    std::vector<at::Tensor> inputs, weights;
    for (int64_t tap = 0; tap <= half; ++tap) {
      const int64_t shift = half - tap;
      inputs.push_back(shift == 0 ? h : at::constant_pad_nd(h.narrow(3, 0, cols - shift), {shift, 0, 0, 0}));
      weights.push_back(h_conv->weight.narrow(3, tap, 1));
    }
    inputs.push_back(v_above);
    weights.push_back(v_to_h->weight);
    h_pre = pointwise_conv(at::cat(inputs, 1), at::cat(weights, 1), h_conv->bias + v_to_h->bias);
  }
  if (labels.defined() && !h_class.is_empty())
    h_pre = h_pre + h_class->forward(labels).view({labels.size(0), -1, 1, 1});
  // Plus the residual (the first layer's input is the image itself).
  return pointwise(gate(h_pre), h_out, mask_a_ ? at::Tensor() : h);
}

std::pair<at::Tensor, at::Tensor> GatedLayerImpl::forward(const at::Tensor& v, const at::Tensor& h,
                                                          const at::Tensor& labels) {
  const auto [v_conv_out, v_new] = vertical(v, labels);
  // The vertical stack one row down: row i of the horizontal stack sees rows < i through it.
  // (Rows 0 … H − 2 padded by one zero row on top: one contiguous copy, as the 1×1 conv wants it.)
  const auto above = at::constant_pad_nd(v_conv_out.narrow(2, 0, v.size(2) - 1), {0, 0, 1, 0});
  return {v_new, horizontal(h, above, labels)};
}

MaskedConvImpl::MaskedConvImpl(int64_t in, int64_t out, int64_t kernel, bool mask_a) {
  conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).padding(kernel / 2)));
  const int64_t c = kernel / 2;
  mask_ = at::ones({1, 1, kernel, kernel});
  mask_.narrow(2, c + 1, kernel - c - 1).zero_();                  // rows below the centre
  mask_.narrow(2, c, 1).narrow(3, mask_a ? c : c + 1, mask_a ? kernel - c : kernel - c - 1).zero_();  // right
}

at::Tensor MaskedConvImpl::forward(const at::Tensor& x) {
  const int64_t k = conv->weight.size(2);
  return at::conv2d(x, conv->weight * mask_.to(conv->weight.options()), conv->bias, 1, k / 2);
}

PixelCNNImpl::PixelCNNImpl(const PixelCNNOptions& options) : options_(options) {
  check_pixelcnn_options(options_);
  shape_ = {options_.levels(), options_.classes(), options_.image_size()};
  using namespace torch::nn;
  const int64_t w = options_.width();
  layers = register_module("layers", ModuleList());
  for (int64_t i = 0; i < options_.layers(); ++i) {
    const bool first = i == 0;
    const int64_t k = first ? kFirstKernel : kKernel;
    if (options_.gated())
      layers->push_back(GatedLayer(first ? 1 : w, w, k, first, options_.classes()));
    else
      layers->push_back(MaskedConv(first ? 1 : w, w, k, first));
  }
  if (!options_.gated() && options_.classes() > 0)
    plain_class = register_module("plain_class", Embedding(options_.classes(), w));
  head1 = register_module("head1", Conv2d(Conv2dOptions(w, options_.head_width(), 1)));
  head2 = register_module("head2", Conv2d(Conv2dOptions(options_.head_width(), outputs(), 1)));
}

Result<TensorSpecs> pixelcnn_tensors(const PixelCNNOptions& options) {
  if (auto e = check_message([&] { check_pixelcnn_options(options); }); !e.ok())
    return {{}, e.error};
  const int64_t w = options.width(), classes = options.classes();
  TensorSpecBuilder b;
  for (int64_t i = 0; i < options.layers(); ++i) {
    const bool first = i == 0;
    const int64_t k = first ? kFirstKernel : kKernel, half = k / 2, in = first ? 1 : w;
    const std::string layer = "layers." + std::to_string(i);
    if (options.gated()) {
      b.conv(layer + ".v_conv", in, 2 * w, {half + 1, k});
      b.conv(layer + ".v_to_h", 2 * w, 2 * w, {1, 1});
      b.conv(layer + ".h_conv", in, 2 * w, {1, first ? half : half + 1});
      b.conv(layer + ".h_out", w, w, {1, 1});
      if (classes > 0) {
        b.embedding(layer + ".v_class", classes, 2 * w);
        b.embedding(layer + ".h_class", classes, 2 * w);
      }
    } else {
      b.conv(layer + ".conv", in, w, {k, k});  // the mask is no buffer: it is not saved
    }
  }
  if (!options.gated() && classes > 0)
    b.embedding("plain_class", classes, w);
  b.conv("head1", w, options.head_width(), {1, 1});
  b.conv("head2", options.head_width(), options.levels() == 2 ? 1 : options.levels(), {1, 1});
  return {b.specs(), {}};
}

int64_t PixelCNNImpl::vertical_reach() const {
  const int64_t convs = kFirstKernel / 2 + (options_.layers() - 1) * (kKernel / 2);
  return options_.gated() ? convs + 1 : convs;  // + the horizontal stack's shift by one row
}

at::Tensor PixelCNNImpl::forward(const at::Tensor& images, const at::Tensor& labels) {
  TORCH_CHECK(images.dim() == 4 && images.size(1) == 1, "PixelCNN expects images (B, 1, H, W), got ", images.sizes());
  TORCH_CHECK(options_.classes() == 0 || (labels.defined() && labels.numel() == images.size(0)),
              "this PixelCNN is class-conditional: give one label per image");
  const auto x = centred(images);
  const auto lab = options_.classes() > 0 ? labels.to(at::kLong).view({-1}) : at::Tensor();
  at::Tensor h;
  if (options_.gated()) {
    at::Tensor v = x;
    h = x;
    for (const auto& m : *layers)
      std::tie(v, h) = m->as<GatedLayer>()->forward(v, h, lab);
  } else {
    for (size_t i = 0; i < layers->size(); ++i) {
      auto y = layers[i]->as<MaskedConv>()->forward(h.defined() ? h : x);
      if (i == 0 && lab.defined())
        y = y + plain_class->forward(lab).view({lab.size(0), -1, 1, 1});
      h = i == 0 ? at::relu(y) : h + at::relu(y);
    }
  }
  return pointwise(at::relu(pointwise(at::relu(h), head1)), head2);
}

at::Tensor PixelCNNImpl::row_logits(const at::Tensor& images, const at::Tensor& labels, int64_t row, RowCache& cache) {
  if (!options_.gated()) {
    const int64_t from = std::max<int64_t>(0, row - vertical_reach());
    return forward(images.narrow(2, from, row - from + 1), labels).select(2, row - from);
  }
  const auto lab = options_.classes() > 0 ? labels.to(at::kLong).view({-1}) : at::Tensor();
  if (cache.state.empty() || cache.rows_done != row) {
    // The vertical stack's convolution at row − 1 in every layer, from the rows it can depend on.
    cache.state.clear();
    if (row == 0) {
      for (size_t i = 0; i < layers->size(); ++i)
        cache.state.push_back(at::zeros({images.size(0), 2 * options_.width(), 1, images.size(3)}, images.options().dtype(at::kFloat)));
    } else {
      const int64_t from = std::max<int64_t>(0, row - vertical_reach());
      at::Tensor v = centred(images.narrow(2, from, row - from));
      for (const auto& m : *layers) {
        auto [v_conv_out, v_new] = m->as<GatedLayer>()->vertical(v, lab);
        cache.state.push_back(v_conv_out.narrow(2, v_conv_out.size(2) - 1, 1));
        v = v_new;
      }
    }
    cache.rows_done = row;
  }
  at::Tensor h = centred(images.narrow(2, row, 1));
  for (size_t i = 0; i < layers->size(); ++i)
    h = layers[i]->as<GatedLayer>()->horizontal(h, cache.state[i], lab);
  return pointwise(at::relu(pointwise(at::relu(h), head1)), head2).select(2, 0);
}

}  // namespace genlab
