// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/conv_transpose.h"

#include "nn/device.h"
#include "nn/torch_compat.h"

#include <ATen/ops/convolution.h>
#include <ATen/ops/convolution_backward.h>
#include <ATen/ops/empty.h>
#include <torch/csrc/autograd/custom_function.h>
#include <torch/nn/modules/conv.h>

namespace genlab {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// y = convolution_backward_input(grad_output = x): the adjoint of conv2d(·, W) applied to x.
class ConvTransposeFunction : public torch::autograd::Function<ConvTransposeFunction> {
 public:
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x, const at::Tensor& weight, int64_t stride,
                            int64_t padding) {
    const int64_t k = weight.size(2);
    const int64_t h = (x.size(2) - 1) * stride - 2 * padding + k, w = (x.size(3) - 1) * stride - 2 * padding + k;
    // Only the shape of the convolution's input is read when only its input-gradient is asked for.
    const auto shape = at::empty({x.size(0), weight.size(1), h, w}, x.options());
    auto y = std::get<0>(at::convolution_backward(x.contiguous(), shape, weight, c10::nullopt, {stride, stride},
                                                  {padding, padding}, {1, 1}, false, {0, 0}, 1, {true, false, false}));
    ctx->save_for_backward({x, weight});
    ctx->saved_data["stride"] = stride;
    ctx->saved_data["padding"] = padding;
    return y;
  }

  static variable_list backward(AutogradContext* ctx, variable_list grads) {
    const auto saved = ctx->get_saved_variables();
    const auto& x = saved[0];
    const auto& weight = saved[1];
    const int64_t s = ctx->saved_data["stride"].toInt(), p = ctx->saved_data["padding"].toInt();
    const auto gy = grads[0].contiguous();
    at::Tensor gx, gw;
    if (ctx->needs_input_grad(0))
      gx = at::convolution(gy, weight, c10::nullopt, {s, s}, {p, p}, {1, 1}, false, {0, 0}, 1);
    if (ctx->needs_input_grad(1))
      gw = std::get<1>(at::convolution_backward(x.contiguous(), gy, weight, c10::nullopt, {s, s}, {p, p}, {1, 1},
                                                false, {0, 0}, 1, {false, true, false}));
    return {gx, gw, at::Tensor(), at::Tensor()};
  }
};

}  // namespace

at::Tensor conv_transpose2d_fast(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                                 int64_t stride, int64_t padding) {
  TORCH_CHECK(x.dim() == 4 && weight.dim() == 4 && x.size(1) == weight.size(0),
              "conv_transpose2d_fast: input ", x.sizes(), " does not fit weight ", weight.sizes());
  // Under mixed precision (PrecisionScope) it computes in the autocast type like any convolution
  // would: the casts are differentiable, so the weight's gradient comes back float32.
  if (compat::autocast_enabled(c10::DeviceType::CPU) && x.is_cpu()) {
    const auto low = compat::autocast_dtype(c10::DeviceType::CPU);
    auto y = ConvTransposeFunction::apply(x.to(low), weight.to(low), stride, padding);
    return bias.defined() ? y.add(bias.to(low).view({1, -1, 1, 1})) : y;
  }
  auto y = ConvTransposeFunction::apply(x, weight, stride, padding);
  return bias.defined() ? y.add(bias.view({1, -1, 1, 1})) : y;
}

at::Tensor forward_fast(torch::nn::Sequential& layers, at::Tensor x) {
  if (!takes_cpu_fast_path(x))  // the generic path: ATen's transposed convolution
    return layers->forward(x);
  for (auto& m : *layers) {
    if (auto* t = m.ptr()->as<torch::nn::ConvTranspose2dImpl>()) {
      const auto& o = t->options;
      const auto* pad = compat::get_if<torch::ExpandingArray<2>>(&o.padding());
      TORCH_CHECK(pad && o.groups() == 1 && (*o.dilation())[0] == 1 && (*o.dilation())[1] == 1 &&
                      (*o.output_padding())[0] == 0 && (*o.output_padding())[1] == 0 &&
                      (*o.stride())[0] == (*o.stride())[1] && (**pad)[0] == (**pad)[1],
                  "forward_fast handles plain square ConvTranspose2d only");
      x = conv_transpose2d_fast(x, t->weight, t->bias, (*o.stride())[0], (**pad)[0]);
    } else {
      x = m.forward(x);
    }
  }
  return x;
}

}  // namespace genlab
