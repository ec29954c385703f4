// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/pointwise_conv.h"

#include "nn/device.h"

#include <ATen/ops/baddbmm.h>
#include <ATen/ops/conv2d.h>
#include <c10/util/Exception.h>

namespace genlab {

at::Tensor pointwise_conv(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                          const at::Tensor& residual) {
  TORCH_CHECK(x.dim() == 4 && weight.dim() == 4 && weight.size(1) == x.size(1) && weight.size(2) == 1 &&
                  weight.size(3) == 1 && bias.dim() == 1 && bias.size(0) == weight.size(0),
              "pointwise_conv: input ", x.sizes(), ", weight ", weight.sizes(), ", bias ", bias.sizes());
  const int64_t b = x.size(0), c = x.size(1), p = x.size(2) * x.size(3), o = weight.size(0);
  if (!takes_cpu_fast_path(x)) {  // the generic path: ATen's convolution
    TORCH_CHECK(!residual.defined() || residual.sizes() == at::IntArrayRef({b, o, x.size(2), x.size(3)}),
                "pointwise_conv: residual ", residual.sizes(), " for an output (", b, ", ", o, ", ", x.size(2), ", ",
                x.size(3), ")");
    const auto y = at::conv2d(x, weight, bias);
    return residual.defined() ? y.add(residual) : y;
  }
  const auto w = weight.reshape({1, o, c}).expand({b, o, c});
  const auto pixels = x.reshape({b, c, p});
  at::Tensor y;
  if (residual.defined()) {
    TORCH_CHECK(residual.sizes() == at::IntArrayRef({b, o, x.size(2), x.size(3)}), "pointwise_conv: residual ",
                residual.sizes(), " for an output (", b, ", ", o, ", ", x.size(2), ", ", x.size(3), ")");
    y = at::baddbmm(residual.reshape({b, o, p}), w, pixels).add_(bias.view({1, o, 1}));
  } else {
    y = at::baddbmm(bias.view({1, o, 1}).expand({b, o, p}), w, pixels);
  }
  return y.view({b, o, x.size(2), x.size(3)});
}

}  // namespace genlab
