// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "nn/tensor_specs.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include <vector>

namespace genlab {

/// Options of the denoising U-Net of seed 000 (denoising-diffusion-pytorch, 2022-08 … 2023-06).
struct UnetOptions {
  /// Channels after the first convolution; the levels have dim · dim_mults[i].
  TORCH_ARG(int64_t, dim) = 32;
  /// Channel multiplier per level; the image is halved between levels.
  TORCH_ARG(std::vector<int64_t>, dim_mults) = std::vector<int64_t>{1, 2, 4};
  /// Image channels (1 grey, 3 RGB).
  TORCH_ARG(int64_t, channels) = 1;
  /// Groups of every GroupNorm (must divide every level's channels).
  TORCH_ARG(int64_t, resnet_block_groups) = 8;
  /// Time embedding: sinusoidal (false) or a learned/random Fourier embedding of learned_sinusoidal_dim.
  TORCH_ARG(bool, learned_sinusoidal_cond) = false;
  /// With learned_sinusoidal_cond: random (fixed) frequencies instead of learned ones.
  TORCH_ARG(bool, random_fourier_features) = false;
  TORCH_ARG(int64_t, learned_sinusoidal_dim) = 16;
  /// Heads and head size of the linear attention at every level and the full attention in the middle.
  TORCH_ARG(int64_t, attn_heads) = 4;
  TORCH_ARG(int64_t, attn_dim_head) = 32;
  /// The levels before this one (0 = the full-size level) have no linear attention: at 28 px it
  /// costs a fifth of a training step and adds little where the image is largest.
  TORCH_ARG(int64_t, attention_from_level) = 0;
  /// Told the class: a learned embedding per class, and one more for "no class" (index
  /// num_classes, what classifier-free guidance compares with), added to the time embedding
  /// (Dhariwal & Nichol 2021; Ho & Salimans 2022). 0: not told.
  TORCH_ARG(int64_t, num_classes) = 0;
};

/// sin/cos of t times dim/2 geometric frequencies from 1 to 1/10000 (Vaswani et al. 2017).
class SinusoidalPosEmbImpl : public torch::nn::Module {
 public:
  explicit SinusoidalPosEmbImpl(int64_t dim) : dim_(dim) {}
  torch::Tensor forward(const torch::Tensor& t);

 private:
  int64_t dim_;
};
TORCH_MODULE(SinusoidalPosEmb);

/// [t, sin(2π·t·w), cos(2π·t·w)] with dim/2 frequencies w drawn from N(0, 1), learned or fixed
/// (Crowson's v-diffusion); output dim + 1.
class RandomOrLearnedSinusoidalPosEmbImpl : public torch::nn::Module {
 public:
  RandomOrLearnedSinusoidalPosEmbImpl(int64_t dim, bool is_random);
  torch::Tensor forward(const torch::Tensor& t);
  torch::Tensor weights;
};
TORCH_MODULE(RandomOrLearnedSinusoidalPosEmb);

/// A convolution whose weight is standardised (zero mean, unit variance per output channel)
/// before use (Qiao et al. 2019), which suits GroupNorm.
class WeightStandardizedConv2dImpl : public torch::nn::Conv2dImpl {
 public:
  using torch::nn::Conv2dImpl::Conv2dImpl;
  torch::Tensor forward(const torch::Tensor& x);
};
TORCH_MODULE(WeightStandardizedConv2d);

/// Normalisation over the channels of each pixel, with a learned gain `g` (1, dim, 1, 1).
class ChannelLayerNormImpl : public torch::nn::Module {
 public:
  explicit ChannelLayerNormImpl(int64_t dim);
  torch::Tensor forward(const torch::Tensor& x);
  torch::Tensor g;
};
TORCH_MODULE(ChannelLayerNorm);

/// WS-conv 3×3 → GroupNorm → (x·(scale+1) + shift) → SiLU.
class BlockImpl : public torch::nn::Module {
 public:
  BlockImpl(int64_t dim, int64_t dim_out, int64_t groups);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& scale = {}, const torch::Tensor& shift = {});
  WeightStandardizedConv2d proj{nullptr};
  torch::nn::GroupNorm norm{nullptr};
};
TORCH_MODULE(Block);

/// The time embedding → SiLU → Linear → (scale, shift) into block1; block2; plus the input
/// (through a 1×1 convolution when the channels change).
class ResnetBlockImpl : public torch::nn::Module {
 public:
  ResnetBlockImpl(int64_t dim, int64_t dim_out, int64_t time_emb_dim, int64_t groups);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& time_emb);
  torch::nn::Sequential mlp{nullptr};
  Block block1{nullptr}, block2{nullptr};
  torch::nn::AnyModule res_conv;
};
TORCH_MODULE(ResnetBlock);

/// Attention linear in the number of pixels (Shen et al. 2018): softmax over q's channels and over
/// k's positions, context = k·vᵀ, out = context·q; then 1×1 conv and channel LayerNorm.
class LinearAttentionImpl : public torch::nn::Module {
 public:
  LinearAttentionImpl(int64_t dim, int64_t heads, int64_t dim_head);
  torch::Tensor forward(const torch::Tensor& x);
  torch::nn::Conv2d to_qkv{nullptr};
  torch::nn::Sequential to_out{nullptr};

 private:
  int64_t heads_, dim_head_;
};
TORCH_MODULE(LinearAttention);

/// Full softmax attention over all pixels (the U-Net's middle, where the image is smallest).
class AttentionImpl : public torch::nn::Module {
 public:
  AttentionImpl(int64_t dim, int64_t heads, int64_t dim_head);
  torch::Tensor forward(const torch::Tensor& x);
  torch::nn::Conv2d to_qkv{nullptr}, to_out{nullptr};

 private:
  int64_t heads_, dim_head_;
};
TORCH_MODULE(Attention);

/// x + fn(norm(x)): Residual(PreNorm(dim, attention)), with the parameter names of seed 000
/// (`fn.fn.to_qkv.weight`, `fn.norm.g`).
class ResidualPreNormImpl : public torch::nn::Module {
 public:
  ResidualPreNormImpl(int64_t dim, torch::nn::AnyModule attention);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  struct PreNorm : torch::nn::Module {
    ChannelLayerNorm norm{nullptr};
    torch::nn::AnyModule fn;
  };
  std::shared_ptr<PreNorm> pre_;
};
TORCH_MODULE(ResidualPreNorm);

/// The U-Net: init_conv 7×7; per level two ResnetBlocks, linear attention (from level
/// attention_from_level on; an empty placeholder before, so the names stay), and a 2×2
/// pixel-unshuffle + 1×1 conv down (3×3 conv at the last level); the middle (ResnetBlock, full
/// attention, ResnetBlock); mirrored ups with skip connections and nearest ×2 + 3×3 conv; the
/// final ResnetBlock on [x, init_conv(x)] and a 1×1 conv. Parameter names follow seed 000
/// (`init_conv`, `time_mlp`, `downs.i.j…`, `mid_block1`, `mid_attn`, `mid_block2`, `ups…`,
/// `final_res_block`, `final_conv`).
class UnetImpl : public torch::nn::Module {
 public:
  explicit UnetImpl(const UnetOptions& options = {});
  /// The prediction (B, channels, H, W) for x (B, channels, H, W) at timesteps t (B); a net told
  /// the class takes `labels` (B) in 0 … num_classes (num_classes: no class; undefined: no class
  /// for every image).
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& t, const torch::Tensor& labels = {});
  const UnetOptions& options() const { return options_; }
  /// The factor by which H and W must be divisible (2^(levels − 1)).
  int64_t size_factor() const;

  torch::nn::Conv2d init_conv{nullptr}, final_conv{nullptr};
  torch::nn::Sequential time_mlp{nullptr};
  torch::nn::ModuleList downs{nullptr}, ups{nullptr};
  ResnetBlock mid_block1{nullptr}, mid_block2{nullptr}, final_res_block{nullptr};
  ResidualPreNorm mid_attn{nullptr};
  torch::nn::Embedding class_emb{nullptr};  ///< (num_classes + 1, time_dim); only with num_classes > 0

 private:
  UnetOptions options_;
};
TORCH_MODULE(Unet);

/// The tensors of Unet(options), from the options alone, or what does not fit together: the
/// constructor's checks, and what LibTorch's layers and the forward pass need besides (positive
/// attention heads and head size, an even dim of at least 4 for the sinusoidal time embedding,
/// sizes that do not overflow int64) and, unless `image_size` is 0, an image side divisible by
/// 2^(levels − 1).
Result<TensorSpecs> unet_tensors(const UnetOptions& options, int64_t image_size = 0);

}  // namespace genlab
