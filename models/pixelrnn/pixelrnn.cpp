// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixelrnn/pixelrnn.h"

#include <ATen/ops/conv2d.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/relu.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/zeros.h>

namespace genlab {
namespace {

at::Tensor centred(const at::Tensor& images) { return images.to(at::kFloat).mul(2).sub(1); }

}  // namespace

void check_pixelrnn_options(const PixelRNNOptions& o) {
  TORCH_CHECK(o.hidden() >= 1 && o.hidden() <= 256, "PixelRNN hidden size must be in 1..256, got ", o.hidden());
  TORCH_CHECK(o.layers() >= 1 && o.layers() <= 8, "PixelRNN layers must be in 1..8, got ", o.layers());
  TORCH_CHECK(o.head_width() >= 1 && o.head_width() <= 1024, "PixelRNN head width must be in 1..1024, got ",
              o.head_width());
  TORCH_CHECK(o.levels() == 2 || o.levels() == 256, "a pixel has 2 (black/white) or 256 grey levels, not ",
              o.levels());
  TORCH_CHECK(o.classes() >= 0 && o.classes() <= 100, "classes must be in 0..100, got ", o.classes());
  TORCH_CHECK(o.image_size() >= 8 && o.image_size() <= 64, "PixelRNN images must be 8..64 px, got ", o.image_size());
}

RowLSTMImpl::RowLSTMImpl(int64_t in, int64_t hidden, bool mask_a, int64_t classes) : hidden_(hidden) {
  using namespace torch::nn;
  input_conv = register_module("input_conv", Conv2d(Conv2dOptions(in, 4 * hidden, {1, 3})));
  state_conv = register_module("state_conv", Conv1d(Conv1dOptions(hidden, 4 * hidden, 3).padding(1)));
  if (classes > 0)
    class_gates = register_module("class_gates", Embedding(classes, 4 * hidden));
  mask_ = at::ones({1, 1, 1, 3});
  mask_.narrow(3, mask_a ? 1 : 2, mask_a ? 2 : 1).zero_();  // A: the left pixel only; B: left and centre
}

at::Tensor RowLSTMImpl::input_to_state(const at::Tensor& x, const at::Tensor& labels) {
  auto g = at::conv2d(x, input_conv->weight * mask_.to(input_conv->weight.options()), input_conv->bias, 1, at::IntArrayRef{0, 1});
  if (labels.defined() && !class_gates.is_empty())
    g = g + class_gates->forward(labels).view({labels.size(0), -1, 1, 1});
  return g;
}

std::pair<at::Tensor, at::Tensor> RowLSTMImpl::row(const at::Tensor& input_gates, const at::Tensor& h,
                                                   const at::Tensor& c) {
  const auto gates = (input_gates + state_conv->forward(h)).chunk(4, 1);
  const auto c_new = gates[1].sigmoid() * c + gates[0].sigmoid() * gates[3].tanh();
  return {gates[2].sigmoid() * c_new.tanh(), c_new};
}

at::Tensor RowLSTMImpl::forward(const at::Tensor& x, const at::Tensor& labels) {
  const auto gates = input_to_state(x, labels);
  const int64_t b = x.size(0), rows = x.size(2), cols = x.size(3);
  auto h = at::zeros({b, hidden_, cols}, gates.options()), c = at::zeros_like(h);
  std::vector<at::Tensor> out;
  out.reserve(size_t(rows));
  for (int64_t i = 0; i < rows; ++i) {
    std::tie(h, c) = row(gates.select(2, i), h, c);
    out.push_back(h);
  }
  return at::stack(out, 2);
}

PixelRNNImpl::PixelRNNImpl(const PixelRNNOptions& options) : options_(options) {
  check_pixelrnn_options(options_);
  shape_ = {options_.levels(), options_.classes(), options_.image_size()};
  using namespace torch::nn;
  layers = register_module("layers", ModuleList());
  for (int64_t i = 0; i < options_.layers(); ++i)
    layers->push_back(RowLSTM(i == 0 ? 1 : options_.hidden(), options_.hidden(), i == 0, options_.classes()));
  head1 = register_module("head1", Conv2d(Conv2dOptions(options_.hidden(), options_.head_width(), 1)));
  head2 = register_module("head2", Conv2d(Conv2dOptions(options_.head_width(), outputs(), 1)));
}

Result<TensorSpecs> pixelrnn_tensors(const PixelRNNOptions& options) {
  if (auto e = check_message([&] { check_pixelrnn_options(options); }); !e.ok())
    return {{}, e.error};
  const int64_t hidden = options.hidden();
  TensorSpecBuilder b;
  for (int64_t i = 0; i < options.layers(); ++i) {
    const std::string layer = "layers." + std::to_string(i);
    b.conv(layer + ".input_conv", i == 0 ? 1 : hidden, 4 * hidden, {1, 3});  // the mask is no buffer
    b.conv(layer + ".state_conv", hidden, 4 * hidden, {3});
    if (options.classes() > 0)
      b.embedding(layer + ".class_gates", options.classes(), 4 * hidden);
  }
  b.conv("head1", hidden, options.head_width(), {1, 1});
  b.conv("head2", options.head_width(), options.levels() == 2 ? 1 : options.levels(), {1, 1});
  return {b.specs(), {}};
}

at::Tensor PixelRNNImpl::head(const at::Tensor& h) { return head2->forward(at::relu(head1->forward(at::relu(h)))); }

at::Tensor PixelRNNImpl::forward(const at::Tensor& images, const at::Tensor& labels) {
  TORCH_CHECK(images.dim() == 4 && images.size(1) == 1, "PixelRNN expects images (B, 1, H, W), got ", images.sizes());
  TORCH_CHECK(options_.classes() == 0 || (labels.defined() && labels.numel() == images.size(0)),
              "this PixelRNN is class-conditional: give one label per image");
  const auto lab = options_.classes() > 0 ? labels.to(at::kLong).view({-1}) : at::Tensor();
  at::Tensor h = centred(images);
  for (size_t i = 0; i < layers->size(); ++i) {
    const auto out = layers[i]->as<RowLSTM>()->forward(h, lab);
    h = i == 0 ? out : out + h;
  }
  return head(h);
}

at::Tensor PixelRNNImpl::run_row(const at::Tensor& x_row, const at::Tensor& labels, std::vector<at::Tensor>& state,
                                 bool keep) {
  at::Tensor h = centred(x_row);  // (B, 1, 1, W)
  for (size_t i = 0; i < layers->size(); ++i) {
    auto layer = layers[i]->as<RowLSTM>();
    const auto [h_new, c_new] = layer->row(layer->input_to_state(h, labels).select(2, 0), state[2 * i], state[2 * i + 1]);
    if (keep) {
      state[2 * i] = h_new;
      state[2 * i + 1] = c_new;
    }
    h = i == 0 ? h_new.unsqueeze(2) : h_new.unsqueeze(2) + h;
  }
  return h;
}

at::Tensor PixelRNNImpl::row_logits(const at::Tensor& images, const at::Tensor& labels, int64_t row, RowCache& cache) {
  const auto lab = options_.classes() > 0 ? labels.to(at::kLong).view({-1}) : at::Tensor();
  const int64_t b = images.size(0), cols = images.size(3);
  if (cache.state.empty() || cache.rows_done > row) {  // a fresh start
    cache.state.clear();
    for (size_t i = 0; i < 2 * layers->size(); ++i)
      cache.state.push_back(at::zeros({b, options_.hidden(), cols}, images.options().dtype(at::kFloat)));
    cache.rows_done = 0;
  }
  for (; cache.rows_done < row; ++cache.rows_done)  // the rows above, now complete, once each
    run_row(images.narrow(2, cache.rows_done, 1), lab, cache.state, true);
  return head(run_row(images.narrow(2, row, 1), lab, cache.state, false)).select(2, 0);
}

}  // namespace genlab
