// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffusion/unet.h"

#include "nn/channel_norm.h"

#include <torch/nn/functional/conv.h>
#include <torch/nn/functional/pixelshuffle.h>
#include <torch/nn/functional/upsampling.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/upsampling.h>
#include <torch/torch.h>

#include <array>
#include <cmath>

namespace genlab {
namespace {

constexpr double kPi = 3.14159265358979323846;

// q, k, v, each (B, heads, c, H·W), from the 1×1 convolution `to_qkv` (3·heads·c output channels).
// Three convolutions with thirds of its weight instead of one and a split: the same products,
// but each result is contiguous, and the backward pass adds three input gradients instead of
// concatenating three output gradients into one (B, 3·heads·c, H, W) tensor (38 MB at 28 px).
std::array<torch::Tensor, 3> project_qkv(const torch::Tensor& x, const torch::nn::Conv2d& to_qkv, int64_t heads) {
  const auto& weight = to_qkv->weight;
  const int64_t hidden = weight.size(0) / 3;
  std::array<torch::Tensor, 3> out;
  for (int64_t i = 0; i < 3; ++i) {
    const auto y = torch::conv2d(x, weight.narrow(0, i * hidden, hidden));
    out[size_t(i)] = y.view({y.size(0), heads, hidden / heads, y.size(2) * y.size(3)});
  }
  return out;
}

}  // namespace

torch::Tensor SinusoidalPosEmbImpl::forward(const torch::Tensor& t) {
  const int64_t half = dim_ / 2;
  const double step = std::log(10000.0) / double(half - 1);
  const auto freqs = torch::exp(torch::arange(half, t.options().dtype(torch::kFloat)) * -step);
  const auto args = t.to(torch::kFloat).unsqueeze(1) * freqs.unsqueeze(0);
  return torch::cat({args.sin(), args.cos()}, -1);
}

RandomOrLearnedSinusoidalPosEmbImpl::RandomOrLearnedSinusoidalPosEmbImpl(int64_t dim, bool is_random) {
  TORCH_CHECK(dim % 2 == 0, "the learned sinusoidal dimension must be even, got ", dim);
  weights = register_parameter("weights", torch::randn({dim / 2}), /*requires_grad=*/!is_random);
}

torch::Tensor RandomOrLearnedSinusoidalPosEmbImpl::forward(const torch::Tensor& t) {
  const auto x = t.to(torch::kFloat).unsqueeze(1);
  const auto freqs = x * weights.unsqueeze(0) * 2 * kPi;
  return torch::cat({x, freqs.sin(), freqs.cos()}, -1);
}

torch::Tensor WeightStandardizedConv2dImpl::forward(const torch::Tensor& x) {
  const double eps = x.scalar_type() == torch::kFloat ? 1e-5 : 1e-3;
  const auto w = weight.flatten(1);
  const auto mean = w.mean(1).view({-1, 1, 1, 1});
  const auto var = w.var(1, /*unbiased=*/false).view({-1, 1, 1, 1});
  const auto standardized = (weight - mean) * (var + eps).rsqrt();
  return torch::nn::functional::detail::conv2d(x, standardized, bias, *options.stride(),
                                               c10::get<torch::ExpandingArray<2>>(options.padding()),
                                               *options.dilation(), options.groups());
}

ChannelLayerNormImpl::ChannelLayerNormImpl(int64_t dim) {
  g = register_parameter("g", torch::ones({1, dim, 1, 1}));
}

torch::Tensor ChannelLayerNormImpl::forward(const torch::Tensor& x) {
  // Under bfloat16 (mixed precision) the norm still runs in float32, as in float32 training.
  const bool half = x.scalar_type() == torch::kBFloat16;
  const double eps = x.scalar_type() == torch::kFloat || half ? 1e-5 : 1e-3;
  return channel_layer_norm(half ? x.to(at::kFloat) : x, g, eps);
}

BlockImpl::BlockImpl(int64_t dim, int64_t dim_out, int64_t groups) {
  TORCH_CHECK(dim_out % groups == 0, "GroupNorm: ", groups, " groups do not divide ", dim_out, " channels");
  proj = register_module("proj", WeightStandardizedConv2d(torch::nn::Conv2dOptions(dim, dim_out, 3).padding(1)));
  norm = register_module("norm", torch::nn::GroupNorm(groups, dim_out));
}

torch::Tensor BlockImpl::forward(const torch::Tensor& x, const torch::Tensor& scale, const torch::Tensor& shift) {
  auto h = norm->forward(proj->forward(x).to(at::kFloat));
  if (scale.defined())
    h = h * (scale + 1) + shift;
  return torch::silu(h);
}

ResnetBlockImpl::ResnetBlockImpl(int64_t dim, int64_t dim_out, int64_t time_emb_dim, int64_t groups) {
  mlp = register_module("mlp", torch::nn::Sequential(torch::nn::SiLU(), torch::nn::Linear(time_emb_dim, dim_out * 2)));
  block1 = register_module("block1", Block(dim, dim_out, groups));
  block2 = register_module("block2", Block(dim_out, dim_out, groups));
  if (dim != dim_out)
    res_conv = torch::nn::AnyModule(register_module("res_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(dim, dim_out, 1))));
  else
    res_conv = torch::nn::AnyModule(register_module("res_conv", torch::nn::Identity()));
}

torch::Tensor ResnetBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& time_emb) {
  const auto ss = mlp->forward(time_emb).unsqueeze(-1).unsqueeze(-1).chunk(2, 1);
  const auto h = block2->forward(block1->forward(x, ss[0], ss[1]));
  return h + res_conv.forward(x);
}

LinearAttentionImpl::LinearAttentionImpl(int64_t dim, int64_t heads, int64_t dim_head)
    : heads_(heads), dim_head_(dim_head) {
  const int64_t hidden = heads * dim_head;
  to_qkv = register_module("to_qkv", torch::nn::Conv2d(torch::nn::Conv2dOptions(dim, hidden * 3, 1).bias(false)));
  to_out = register_module("to_out", torch::nn::Sequential(torch::nn::Conv2d(torch::nn::Conv2dOptions(hidden, dim, 1)),
                                                            ChannelLayerNorm(dim)));
}

torch::Tensor LinearAttentionImpl::forward(const torch::Tensor& x) {
  const int64_t b = x.size(0), h = x.size(2), w = x.size(3);
  const auto qkv = project_qkv(x, to_qkv, heads_);
  const auto q = qkv[0].softmax(-2);
  const auto k = qkv[1].softmax(-1);
  // The seed scales q by dim_head^−½ and v by 1/(h·w); both factors are linear in the output, so
  // they are applied to the small (d × e) context instead of to two full-size tensors.
  const auto context = torch::matmul(k, qkv[2].transpose(-1, -2)) * (std::pow(double(dim_head_), -0.5) / double(h * w));
  const auto out = torch::matmul(context.transpose(-1, -2), q);  // (b, heads, e, n)
  return to_out->forward(out.reshape({b, heads_ * dim_head_, h, w}));
}

AttentionImpl::AttentionImpl(int64_t dim, int64_t heads, int64_t dim_head) : heads_(heads), dim_head_(dim_head) {
  const int64_t hidden = heads * dim_head;
  to_qkv = register_module("to_qkv", torch::nn::Conv2d(torch::nn::Conv2dOptions(dim, hidden * 3, 1).bias(false)));
  to_out = register_module("to_out", torch::nn::Conv2d(torch::nn::Conv2dOptions(hidden, dim, 1)));
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x) {
  const int64_t b = x.size(0), h = x.size(2), w = x.size(3);
  const auto qkv = project_qkv(x, to_qkv, heads_);
  const auto& q = qkv[0];
  const auto& k = qkv[1];
  const auto& v = qkv[2];
  const auto attn = (torch::matmul(q.transpose(-1, -2), k) * std::pow(double(dim_head_), -0.5)).softmax(-1);
  const auto out = torch::matmul(attn, v.transpose(-1, -2));  // (b, heads, i, d)
  return to_out->forward(out.transpose(-1, -2).reshape({b, heads_ * dim_head_, h, w}));
}

ResidualPreNormImpl::ResidualPreNormImpl(int64_t dim, torch::nn::AnyModule attention) {
  pre_ = register_module("fn", std::make_shared<PreNorm>());
  pre_->norm = pre_->register_module("norm", ChannelLayerNorm(dim));
  pre_->fn = std::move(attention);
  pre_->register_module("fn", pre_->fn.ptr());
}

torch::Tensor ResidualPreNormImpl::forward(const torch::Tensor& x) {
  return pre_->fn.forward(pre_->norm->forward(x)) + x;
}

UnetImpl::UnetImpl(const UnetOptions& options) : options_(options) {
  using namespace torch::nn;
  const auto& mults = options_.dim_mults();
  TORCH_CHECK(options_.dim() >= 1 && !mults.empty() && mults.size() <= 6, "U-Net needs dim ≥ 1 and 1 to 6 levels");
  TORCH_CHECK(options_.attention_from_level() >= 0 && options_.attention_from_level() <= int64_t(mults.size()),
              "attention_from_level must be 0 … ", mults.size(), ", got ", options_.attention_from_level());
  TORCH_CHECK(options_.channels() >= 1 && options_.channels() <= 4, "U-Net channels must be 1..4, got ", options_.channels());
  const int64_t dim = options_.dim(), groups = options_.resnet_block_groups();
  const int64_t heads = options_.attn_heads(), dim_head = options_.attn_dim_head();
  std::vector<int64_t> dims{dim};
  for (int64_t m : mults) {
    TORCH_CHECK(m >= 1, "dim_mults must be positive");
    dims.push_back(dim * m);
  }
  for (int64_t d : dims)
    TORCH_CHECK(d % groups == 0, "resnet_block_groups (", groups, ") must divide every level's channels; ", d,
                " is not divisible");
  init_conv = register_module("init_conv", Conv2d(Conv2dOptions(options_.channels(), dim, 7).padding(3)));
  const int64_t time_dim = dim * 4;
  time_mlp = register_module("time_mlp", Sequential());
  if (options_.learned_sinusoidal_cond() || options_.random_fourier_features()) {
    time_mlp->push_back(RandomOrLearnedSinusoidalPosEmb(options_.learned_sinusoidal_dim(), options_.random_fourier_features()));
    time_mlp->push_back(Linear(options_.learned_sinusoidal_dim() + 1, time_dim));
  } else {
    time_mlp->push_back(SinusoidalPosEmb(dim));
    time_mlp->push_back(Linear(dim, time_dim));
  }
  time_mlp->push_back(GELU());
  time_mlp->push_back(Linear(time_dim, time_dim));

  downs = register_module("downs", ModuleList());
  ups = register_module("ups", ModuleList());
  const size_t levels = mults.size();
  for (size_t i = 0; i < levels; ++i) {
    const int64_t in = dims[i], out = dims[i + 1];
    const bool last = i + 1 == levels;
    ModuleList level;
    level->push_back(ResnetBlock(in, in, time_dim, groups));
    level->push_back(ResnetBlock(in, in, time_dim, groups));
    if (int64_t(i) >= options_.attention_from_level())
      level->push_back(ResidualPreNorm(in, AnyModule(LinearAttention(in, heads, dim_head))));
    else
      level->push_back(Identity());
    if (last)
      level->push_back(Conv2d(Conv2dOptions(in, out, 3).padding(1)));
    else
      level->push_back(Sequential(Functional([](const torch::Tensor& x) { return torch::pixel_unshuffle(x, 2); }),
                                  Conv2d(Conv2dOptions(in * 4, out, 1))));
    downs->push_back(level);
  }
  const int64_t mid = dims.back();
  mid_block1 = register_module("mid_block1", ResnetBlock(mid, mid, time_dim, groups));
  mid_attn = register_module("mid_attn", ResidualPreNorm(mid, AnyModule(Attention(mid, heads, dim_head))));
  mid_block2 = register_module("mid_block2", ResnetBlock(mid, mid, time_dim, groups));
  for (size_t r = 0; r < levels; ++r) {
    const size_t i = levels - 1 - r;
    const int64_t in = dims[i], out = dims[i + 1];
    const bool last = r + 1 == levels;
    ModuleList level;
    level->push_back(ResnetBlock(out + in, out, time_dim, groups));
    level->push_back(ResnetBlock(out + in, out, time_dim, groups));
    if (int64_t(i) >= options_.attention_from_level())
      level->push_back(ResidualPreNorm(out, AnyModule(LinearAttention(out, heads, dim_head))));
    else
      level->push_back(Identity());
    if (last)
      level->push_back(Conv2d(Conv2dOptions(out, in, 3).padding(1)));
    else
      level->push_back(Sequential(Upsample(UpsampleOptions().scale_factor(std::vector<double>{2, 2}).mode(torch::kNearest)),
                                  Conv2d(Conv2dOptions(out, in, 3).padding(1))));
    ups->push_back(level);
  }
  final_res_block = register_module("final_res_block", ResnetBlock(dim * 2, dim, time_dim, groups));
  final_conv = register_module("final_conv", Conv2d(Conv2dOptions(dim, options_.channels(), 1)));
}

int64_t UnetImpl::size_factor() const { return int64_t(1) << (options_.dim_mults().size() - 1); }

torch::Tensor UnetImpl::forward(const torch::Tensor& x_in, const torch::Tensor& t) {
  const int64_t f = size_factor();
  TORCH_CHECK(x_in.dim() == 4 && x_in.size(1) == options_.channels(), "U-Net expects images (B, ", options_.channels(),
              ", H, W), got ", x_in.sizes());
  TORCH_CHECK(x_in.size(2) % f == 0 && x_in.size(3) % f == 0, "U-Net: image size ", x_in.size(2), "×", x_in.size(3),
              " is not divisible by ", f, " (2^(levels−1) for ", options_.dim_mults().size(), " levels)");
  auto x = init_conv->forward(x_in);
  const auto r = x.clone();
  const auto temb = time_mlp->forward(t);
  std::vector<torch::Tensor> h;
  for (const auto& level_module : *downs) {
    auto& level = *level_module->as<torch::nn::ModuleList>();
    x = level[0]->as<ResnetBlock>()->forward(x, temb);
    h.push_back(x);
    x = level[1]->as<ResnetBlock>()->forward(x, temb);
    if (auto* attention = level[2]->as<ResidualPreNorm>())
      x = attention->forward(x);
    h.push_back(x);
    x = level[3]->as<torch::nn::Conv2d>() ? level[3]->as<torch::nn::Conv2d>()->forward(x)
                                                                  : level[3]->as<torch::nn::Sequential>()->forward(x);
  }
  x = mid_block1->forward(x, temb);
  x = mid_attn->forward(x);
  x = mid_block2->forward(x, temb);
  for (const auto& level_module : *ups) {
    auto& level = *level_module->as<torch::nn::ModuleList>();
    x = torch::cat({x, h.back()}, 1);
    h.pop_back();
    x = level[0]->as<ResnetBlock>()->forward(x, temb);
    x = torch::cat({x, h.back()}, 1);
    h.pop_back();
    x = level[1]->as<ResnetBlock>()->forward(x, temb);
    if (auto* attention = level[2]->as<ResidualPreNorm>())
      x = attention->forward(x);
    x = level[3]->as<torch::nn::Conv2d>() ? level[3]->as<torch::nn::Conv2d>()->forward(x)
                                          : level[3]->as<torch::nn::Sequential>()->forward(x);
  }
  x = final_res_block->forward(torch::cat({x, r}, 1), temb);
  return final_conv->forward(x);
}

}  // namespace genlab
