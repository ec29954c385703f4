// SPDX-License-Identifier: GPL-3.0-or-later
#include "nn/channel_norm.h"

#include "nn/device.h"

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <ATen/TensorOperators.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/empty_like.h>
#include <ATen/ops/zeros.h>
#include <torch/csrc/autograd/custom_function.h>

#include <cmath>
#include <vector>

namespace genlab {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Every loop below runs over the pixels p of one channel plane, which are contiguous, so the
// compiler vectorises them; the channels are the outer loop.
template <typename T>
void forward_kernel(const T* x, const T* g, T* y, T* mean, T* rstd, int64_t n, int64_t c, int64_t p, double eps) {
  at::parallel_for(0, n, 1, [&](int64_t begin, int64_t end) {
    std::vector<T> acc(size_t(p), T(0));
    for (int64_t i = begin; i < end; ++i) {
      const T* xi = x + i * c * p;
      T* mi = mean + i * p;
      T* ri = rstd + i * p;
      std::fill(acc.begin(), acc.end(), T(0));
      for (int64_t ch = 0; ch < c; ++ch)
        for (int64_t k = 0; k < p; ++k)
          acc[size_t(k)] += xi[ch * p + k];
      for (int64_t k = 0; k < p; ++k)
        mi[k] = acc[size_t(k)] / T(c);
      std::fill(acc.begin(), acc.end(), T(0));
      for (int64_t ch = 0; ch < c; ++ch)
        for (int64_t k = 0; k < p; ++k) {
          const T d = xi[ch * p + k] - mi[k];
          acc[size_t(k)] += d * d;
        }
      for (int64_t k = 0; k < p; ++k)
        ri[k] = T(1) / std::sqrt(acc[size_t(k)] / T(c) + T(eps));
      T* yi = y + i * c * p;
      for (int64_t ch = 0; ch < c; ++ch) {
        const T gc = g[ch];
        for (int64_t k = 0; k < p; ++k)
          yi[ch * p + k] = (xi[ch * p + k] - mi[k]) * ri[k] * gc;
      }
    }
  });
}

// With x̂ = (x − mean)·rstd and u = dy·g: dx = rstd·(u − mean_c(u) − x̂·mean_c(u·x̂)),
// dg_c = Σ_{n,p} dy·x̂.
template <typename T>
void backward_kernel(const T* dy, const T* x, const T* g, const T* mean, const T* rstd, T* dx, T* dg, int64_t n,
                     int64_t c, int64_t p) {
  const int64_t chunks = std::min<int64_t>(n, std::max(1, at::get_num_threads()));
  std::vector<T> dg_parts(size_t(chunks * c), T(0));
  at::parallel_for(0, chunks, 1, [&](int64_t cb, int64_t ce) {
    std::vector<T> su(static_cast<size_t>(p)), sux(static_cast<size_t>(p));
    for (int64_t part = cb; part < ce; ++part) {
      T* dgp = dg_parts.data() + part * c;
      for (int64_t i = n * part / chunks; i < n * (part + 1) / chunks; ++i) {
        const T* xi = x + i * c * p;
        const T* dyi = dy + i * c * p;
        const T* mi = mean + i * p;
        const T* ri = rstd + i * p;
        std::fill(su.begin(), su.end(), T(0));
        std::fill(sux.begin(), sux.end(), T(0));
        for (int64_t ch = 0; ch < c; ++ch) {
          const T gc = g[ch];
          T dgc = 0;
          for (int64_t k = 0; k < p; ++k) {
            const T xh = (xi[ch * p + k] - mi[k]) * ri[k];
            const T d = dyi[ch * p + k];
            su[size_t(k)] += d * gc;
            sux[size_t(k)] += d * gc * xh;
            dgc += d * xh;
          }
          dgp[ch] += dgc;
        }
        if (!dx)
          continue;
        T* dxi = dx + i * c * p;
        for (int64_t ch = 0; ch < c; ++ch) {
          const T gc = g[ch];
          for (int64_t k = 0; k < p; ++k) {
            const T xh = (xi[ch * p + k] - mi[k]) * ri[k];
            dxi[ch * p + k] = ri[k] * (dyi[ch * p + k] * gc - su[size_t(k)] / T(c) - xh * sux[size_t(k)] / T(c));
          }
        }
      }
    }
  });
  for (int64_t ch = 0; ch < c; ++ch) {
    T s = 0;
    for (int64_t part = 0; part < chunks; ++part)
      s += dg_parts[size_t(part * c + ch)];
    dg[ch] = s;
  }
}

class ChannelLayerNormFunction : public torch::autograd::Function<ChannelLayerNormFunction> {
 public:
  static at::Tensor forward(AutogradContext* ctx, const at::Tensor& x_in, const at::Tensor& g_in, double eps) {
    const auto x = x_in.contiguous();
    const auto g = g_in.contiguous();
    const int64_t n = x.size(0), c = x.size(1), p = x.numel() / std::max<int64_t>(1, n * c);
    auto y = at::empty_like(x, at::MemoryFormat::Contiguous);
    auto mean = at::empty({n, p}, x.options()), rstd = at::empty({n, p}, x.options());
    AT_DISPATCH_FLOATING_TYPES(x.scalar_type(), "channel_layer_norm", [&] {
      forward_kernel<scalar_t>(x.data_ptr<scalar_t>(), g.data_ptr<scalar_t>(), y.data_ptr<scalar_t>(),
                               mean.data_ptr<scalar_t>(), rstd.data_ptr<scalar_t>(), n, c, p, eps);
    });
    ctx->save_for_backward({x, g, mean, rstd});
    return y;
  }

  static variable_list backward(AutogradContext* ctx, variable_list grads) {
    const auto saved = ctx->get_saved_variables();
    const auto &x = saved[0], &g = saved[1], &mean = saved[2], &rstd = saved[3];
    const auto dy = grads[0].contiguous();
    const int64_t n = x.size(0), c = x.size(1), p = x.numel() / std::max<int64_t>(1, n * c);
    at::Tensor dx = ctx->needs_input_grad(0) ? at::empty_like(x, at::MemoryFormat::Contiguous) : at::Tensor();
    auto dg = at::zeros({c}, x.options());
    AT_DISPATCH_FLOATING_TYPES(x.scalar_type(), "channel_layer_norm_backward", [&] {
      backward_kernel<scalar_t>(dy.data_ptr<scalar_t>(), x.data_ptr<scalar_t>(), g.data_ptr<scalar_t>(),
                                mean.data_ptr<scalar_t>(), rstd.data_ptr<scalar_t>(),
                                dx.defined() ? dx.data_ptr<scalar_t>() : nullptr, dg.data_ptr<scalar_t>(), n, c, p);
    });
    return {dx, ctx->needs_input_grad(1) ? dg.view(ctx->get_saved_variables()[1].sizes()) : at::Tensor(),
            at::Tensor()};
  }
};

}  // namespace

at::Tensor channel_layer_norm(const at::Tensor& x, const at::Tensor& g, double eps) {
  TORCH_CHECK(x.dim() >= 2 && g.numel() == x.size(1), "channel_layer_norm: ", g.numel(), " gains for ", x.sizes());
  if (takes_cpu_fast_path(x) && (x.scalar_type() == at::kFloat || x.scalar_type() == at::kDouble) &&
      g.scalar_type() == x.scalar_type() && x.numel() > 0)
    return ChannelLayerNormFunction::apply(x, g, eps);
  const auto var = x.var(1, /*unbiased=*/false, /*keepdim=*/true);
  const auto mean = x.mean(1, /*keepdim=*/true);
  std::vector<int64_t> shape(size_t(x.dim()), 1);
  shape[1] = x.size(1);
  return (x - mean) * (var + eps).rsqrt() * g.reshape(shape);
}

}  // namespace genlab
