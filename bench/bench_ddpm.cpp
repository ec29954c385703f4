// SPDX-License-Identifier: GPL-3.0-or-later
// GenLab side of the DDPM benchmark (bench/run.sh runs it beside ddpm_reference.py): training
// steps of the default MNIST DDPM (U-Net dim 16, mults 1-2-4, 4 heads of 16, T = 1000, batch 64,
// Adam 1e-3, clip 1, EMA 0.995), then DDIM-50 of 64 digits from the EMA weights.
//   bench_ddpm <mnist folder> <threads> <train steps> [fp32|bf16] [width, default 16]
#include "diffusion/image_diffusion.h"
#include "bench_setup.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const auto setup = benchSetup(argc, argv, "bench_ddpm");
  if (!setup)
    return argc < 4 ? 2 : 1;  // usage, or the digits could not be read
  const int steps = setup->steps;
  // An optional 4th argument: the precision (fp32, the default, or bf16).
  const auto precision = genlab::precision_from_name(argc > 4 ? argv[4] : "fp32").value_or(genlab::Precision::Float32);
  const int64_t dim = argc > 5 ? std::atoi(argv[5]) : 16;  // an optional 5th argument: the U-Net's width
  const auto net = genlab::UnetOptions().dim(dim).dim_mults({1, 2, 4}).channels(1).attn_heads(4).attn_dim_head(16);
  genlab::ImageDiffusionTrainer trainer(net, genlab::GaussianDiffusionOptions().schedule("linear").timesteps(1000),
                                        genlab::ImageDiffusionTrainerOptions().lr(1e-3).batch_size(64).precision(precision),
                                        setup->digits.images.view({-1, 1, 28, 28}));
  for (int i = 0; i < 3; ++i)
    trainer.step();
  double best = 0;
  for (int rep = 0; rep < 5; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i)
      trainer.step();
    best = std::max(best, steps * 64.0 / seconds_since(t0));
  }
  std::printf("ddpm_train_samples_per_s %.1f\n", best);

  auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
  const auto denoiser = genlab::unet_denoiser(trainer.ema(), precision);
  trainer.diffusion().ddim_sample(denoiser, {64, 1, 28, 28}, 2, 0.0, gen);
  double sample_s = 1e9;
  for (int rep = 0; rep < 2; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    trainer.diffusion().ddim_sample(denoiser, {64, 1, 28, 28}, 50, 0.0, gen);
    sample_s = std::min(sample_s, seconds_since(t0));
  }
  std::printf("ddim50_64_seconds %.2f\n", sample_s);
  return 0;
}
