// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <torch/nn/module.h>

namespace genlab {

/// Copies every parameter and buffer of `src` into `dst` (same architecture) and freezes `dst`:
/// the start of an exponential moving average of the weights.
void ema_init(torch::nn::Module& dst, torch::nn::Module& src);
/// dst ← decay·dst + (1 − decay)·src for every parameter; buffers are copied.
void ema_update(torch::nn::Module& dst, torch::nn::Module& src, double decay);
/// Scales the gradients of `m` so that their global L2 norm is at most `max_norm` (as
/// torch.nn.utils.clip_grad_norm_); returns the norm before clipping.
double clip_grad_norm(torch::nn::Module& m, double max_norm);

class Adam;
/// The update of the diffusion trainers (denoising-diffusion-pytorch's Trainer, seed 002): zero
/// the gradients, backward of `loss`, clip their norm to 1, an Adam step, then `ema` follows
/// `model` with `decay`. Returns the loss's value (the caller checks that it is finite).
double clipped_step_with_ema(const at::Tensor& loss, torch::nn::Module& model, Adam& adam, torch::nn::Module& ema,
                             double decay);

}  // namespace genlab
