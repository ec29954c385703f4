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
#include <limits>

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

// The checks of the U-Net's constructor.
void check(const UnetOptions& o) {
  const auto& mults = o.dim_mults();
  TORCH_CHECK(o.dim() >= 1 && !mults.empty() && mults.size() <= 6, "U-Net needs dim ≥ 1 and 1 to 6 levels");
  TORCH_CHECK(o.attention_from_level() >= 0 && o.attention_from_level() <= int64_t(mults.size()),
              "attention_from_level must be 0 … ", mults.size(), ", got ", o.attention_from_level());
  TORCH_CHECK(o.channels() >= 1 && o.channels() <= 4, "U-Net channels must be 1..4, got ", o.channels());
  TORCH_CHECK(o.num_classes() >= 0 && o.num_classes() <= 1000, "U-Net classes must be 0 … 1000, got ", o.num_classes());
  for (int64_t m : mults)
    TORCH_CHECK(m >= 1, "dim_mults must be positive");
  const int64_t groups = o.resnet_block_groups();
  // (0 groups used to end the program with a division by zero.)
  TORCH_CHECK(groups >= 1, "resnet_block_groups must be positive, got ", groups);
  std::vector<int64_t> dims{o.dim()};
  for (int64_t m : mults)
    dims.push_back(saturating_mul(o.dim(), m));
  for (int64_t d : dims)
    TORCH_CHECK(d % groups == 0, "resnet_block_groups (", groups, ") must divide every level's channels; ", d,
                " is not divisible");
  if (o.learned_sinusoidal_cond() || o.random_fourier_features()) {
    const int64_t d = o.learned_sinusoidal_dim();
    TORCH_CHECK(d % 2 == 0, "the learned sinusoidal dimension must be even, got ", d);
    TORCH_CHECK(d >= 0, "the learned sinusoidal dimension must not be negative, got ", d);
  }
}

// The tensors of ResnetBlock(dim, dim_out, time_emb_dim, groups).
TensorSpecs resnet_block_tensors(int64_t dim, int64_t dim_out, int64_t time_emb_dim) {
  TensorSpecBuilder b;
  b.linear("mlp.1", time_emb_dim, saturating_mul(dim_out, 2));  // mlp.0 is the SiLU
  b.conv("block1.proj", dim, dim_out, {3, 3});
  b.group_norm("block1.norm", dim_out);
  b.conv("block2.proj", dim_out, dim_out, {3, 3});
  b.group_norm("block2.norm", dim_out);
  if (dim != dim_out)
    b.conv("res_conv", dim, dim_out, {1, 1});
  return b.specs();
}

// The tensors of ResidualPreNorm(dim, LinearAttention or Attention(dim, heads, dim_head)), hidden = heads · dim_head.
TensorSpecs attention_tensors(int64_t dim, int64_t hidden, bool linear) {
  TensorSpecBuilder b;
  b.parameter("fn.norm.g", {1, dim, 1, 1});
  b.conv("fn.fn.to_qkv", dim, saturating_mul(hidden, 3), {1, 1}, /*bias=*/false);
  if (linear) {
    b.conv("fn.fn.to_out.0", hidden, dim, {1, 1});
    b.parameter("fn.fn.to_out.1.g", {1, dim, 1, 1});
  } else {
    b.conv("fn.fn.to_out", hidden, dim, {1, 1});
  }
  return b.specs();
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
  check(options_);
  const auto& mults = options_.dim_mults();
  const int64_t dim = options_.dim(), groups = options_.resnet_block_groups();
  const int64_t heads = options_.attn_heads(), dim_head = options_.attn_dim_head();
  std::vector<int64_t> dims{dim};
  for (int64_t m : mults)
    dims.push_back(dim * m);
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
  // Last, so that a net without classes starts from the same weights as before classes existed.
  if (options_.num_classes() > 0)
    class_emb = register_module("class_emb", Embedding(options_.num_classes() + 1, time_dim));
}

Result<TensorSpecs> unet_tensors(const UnetOptions& options, int64_t image_size) {
  if (auto e = check_message([&] { check(options); }); !e.ok())
    return {{}, e.error};
  // What LibTorch's layers and the forward pass need besides.
  const int64_t dim = options.dim(), heads = options.attn_heads(), dim_head = options.attn_dim_head();
  if (heads < 1 || dim_head < 1)
    return {{}, c10::str("U-Net attn_heads and attn_dim_head must be positive, got ", heads, " and ", dim_head)};
  const bool learned = options.learned_sinusoidal_cond() || options.random_fourier_features();
  const int64_t learned_dim = options.learned_sinusoidal_dim();
  if (!learned && (dim < 4 || dim % 2 != 0))
    return {{}, c10::str("the U-Net's sinusoidal time embedding needs an even dim of at least 4, got ", dim)};
  const auto& mults = options.dim_mults();
  const size_t levels = mults.size();
  const int64_t factor = int64_t(1) << (levels - 1);
  if (image_size != 0 && (image_size < 1 || image_size % factor != 0))
    return {{}, c10::str("U-Net: image size ", image_size, " is not divisible by ", factor, " (2^(levels−1) for ",
                         levels, " levels)")};

  std::vector<int64_t> dims{dim};
  for (int64_t m : mults)
    dims.push_back(saturating_mul(dim, m));
  const int64_t time_dim = saturating_mul(dim, 4), hidden = saturating_mul(heads, dim_head);
  const int64_t attention_from = options.attention_from_level();
  TensorSpecBuilder b;
  b.conv("init_conv", options.channels(), dim, {7, 7});
  if (learned) {
    b.parameter("time_mlp.0.weights", {learned_dim / 2});
    b.linear("time_mlp.1", learned_dim + 1, time_dim);
  } else {
    b.linear("time_mlp.1", dim, time_dim);
  }
  b.linear("time_mlp.3", time_dim, time_dim);  // time_mlp.2 is the GELU
  for (size_t i = 0; i < levels; ++i) {
    const int64_t in = dims[i], out = dims[i + 1];
    const std::string level = "downs." + std::to_string(i);
    b.module(level + ".0", resnet_block_tensors(in, in, time_dim));
    b.module(level + ".1", resnet_block_tensors(in, in, time_dim));
    if (int64_t(i) >= attention_from)
      b.module(level + ".2", attention_tensors(in, hidden, /*linear=*/true));
    if (i + 1 == levels)
      b.conv(level + ".3", in, out, {3, 3});
    else
      b.conv(level + ".3.1", saturating_mul(in, 4), out, {1, 1});  // .3.0 is the pixel unshuffle
  }
  for (size_t r = 0; r < levels; ++r) {
    const size_t i = levels - 1 - r;
    const int64_t in = dims[i], out = dims[i + 1];
    const std::string level = "ups." + std::to_string(r);
    b.module(level + ".0", resnet_block_tensors(saturating_add(out, in), out, time_dim));
    b.module(level + ".1", resnet_block_tensors(saturating_add(out, in), out, time_dim));
    if (int64_t(i) >= attention_from)
      b.module(level + ".2", attention_tensors(out, hidden, /*linear=*/true));
    b.conv(r + 1 == levels ? level + ".3" : level + ".3.1", out, in, {3, 3});  // .3.0 is the upsampling
  }
  const int64_t mid = dims.back();
  b.module("mid_block1", resnet_block_tensors(mid, mid, time_dim));
  b.module("mid_attn", attention_tensors(mid, hidden, /*linear=*/false));
  b.module("mid_block2", resnet_block_tensors(mid, mid, time_dim));
  b.module("final_res_block", resnet_block_tensors(saturating_mul(dim, 2), dim, time_dim));
  b.conv("final_conv", dim, options.channels(), {1, 1});
  if (options.num_classes() > 0)
    b.parameter("class_emb.weight", {options.num_classes() + 1, time_dim});

  auto specs = b.specs();
  for (const auto& t : specs)
    for (const int64_t s : t.shape)
      if (s == std::numeric_limits<int64_t>::max())
        return {{}, c10::str("U-Net sizes overflow: dim ", dim, " times dim_mults, attn_heads ", heads,
                             " times attn_dim_head ", dim_head)};
  return {std::move(specs), {}};
}

int64_t UnetImpl::size_factor() const { return int64_t(1) << (options_.dim_mults().size() - 1); }

torch::Tensor UnetImpl::forward(const torch::Tensor& x_in, const torch::Tensor& t, const torch::Tensor& labels) {
  const int64_t f = size_factor();
  TORCH_CHECK(x_in.dim() == 4 && x_in.size(1) == options_.channels(), "U-Net expects images (B, ", options_.channels(),
              ", H, W), got ", x_in.sizes());
  TORCH_CHECK(x_in.size(2) % f == 0 && x_in.size(3) % f == 0, "U-Net: image size ", x_in.size(2), "×", x_in.size(3),
              " is not divisible by ", f, " (2^(levels−1) for ", options_.dim_mults().size(), " levels)");
  auto x = init_conv->forward(x_in);
  const auto r = x.clone();
  auto temb = time_mlp->forward(t);
  if (class_emb) {
    const int64_t none = options_.num_classes();
    const auto l = labels.defined() ? labels.to(torch::kLong) : torch::full({x_in.size(0)}, none, t.options().dtype(torch::kLong));
    TORCH_CHECK(l.dim() == 1 && l.size(0) == x_in.size(0), "U-Net: one label per image, got ", l.sizes(), " for ",
                x_in.size(0), " images");
    // One reduction and one read back per forward pass (this runs every step).
    TORCH_CHECK(!(l.lt(0) | l.gt(none)).any().item<bool>(), "U-Net: labels must be 0 … ", none, " (", none,
                ": no class)");
    temb = temb + class_emb->forward(l.to(temb.device()));
  } else {
    TORCH_CHECK(!labels.defined(), "this U-Net was not trained with classes: it cannot be told one");
  }
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
