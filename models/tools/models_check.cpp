// SPDX-License-Identifier: GPL-3.0-or-later
// genlab_models_check [--device cpu|cuda|cuda:N] [--steps N]
//
// Built when models/ is built alone (scripts/build-models.sh), against any LibTorch: every family
// trains a few steps on made-up data on the device, then samples there, and the weights are
// compared with the same steps on the CPU's generic paths. Prints one line per family; exits 1 if
// any fails. Needs no Qt and no data files.
#include "autoregressive/pixel_trainer.h"
#include "diffusion/image_diffusion.h"
#include "diffusion/toy_diffusion.h"
#include "gan/dcgan.h"
#include "nn/device.h"
#include "pixelcnn/pixelcnn.h"
#include "toy/toy_models.h"
#include "vae/conv_vae.h"
#include "vae/vae_trainer.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/version.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace genlab;

namespace {

std::vector<at::Tensor> cpuCopies(torch::nn::Module& m) {
  std::vector<at::Tensor> out;
  for (const auto& p : m.parameters())
    out.push_back(p.detach().cpu().clone());
  return out;
}

// Trains on `device` and returns the weights (on the CPU) and a sample drawn there.
using Run = std::function<std::pair<std::vector<at::Tensor>, at::Tensor>(c10::Device, int)>;

std::pair<std::vector<at::Tensor>, at::Tensor> mlpVae(c10::Device device, int steps) {
  at::manual_seed(5);
  VaeTrainer t(VAEOptions(), VaeTrainerOptions().batch_size(32), at::rand({128, 784}));
  t.set_device(device);
  for (int i = 0; i < steps; ++i)
    t.step();
  return {cpuCopies(*t.model()), at::tensor(t.evaluate(at::rand({16, 784})).total)};
}

std::pair<std::vector<at::Tensor>, at::Tensor> convVae(c10::Device device, int steps) {
  at::manual_seed(5);
  ConvVaeTrainer t(ConvVAEOptions().latent_dim(4).width(8), ConvVaeTrainerOptions().batch_size(16), at::rand({64, 1, 28, 28}));
  t.set_device(device);
  for (int i = 0; i < steps; ++i)
    t.step();
  return {cpuCopies(*t.model()), t.evaluate(at::rand({8, 1, 28, 28})).total};
}

std::pair<std::vector<at::Tensor>, at::Tensor> dcgan(c10::Device device, int steps) {
  at::manual_seed(5);
  GanTrainer t(DCGANOptions().width(8).latent_dim(8), GanTrainerOptions().batch_size(16), at::rand({64, 1, 28, 28}));
  t.set_device(device);
  for (int i = 0; i < steps; ++i)
    t.step();
  return {cpuCopies(*t.generator()), t.sample(4, 1)};
}

std::pair<std::vector<at::Tensor>, at::Tensor> ddpm(c10::Device device, int steps) {
  at::manual_seed(5);
  ImageDiffusionTrainer t(UnetOptions().dim(8).dim_mults({1, 2}).channels(1).resnet_block_groups(4).attn_heads(2).attn_dim_head(8),
                          GaussianDiffusionOptions().timesteps(50), ImageDiffusionTrainerOptions().batch_size(8),
                          at::rand({32, 1, 28, 28}));
  t.set_device(device);
  for (int i = 0; i < steps; ++i)
    t.step();
  auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
  const auto x = t.diffusion().ddim_sample(unet_denoiser(t.ema()), {2, 1, 28, 28}, 5, 0.0, gen);
  return {cpuCopies(*t.model()), x};
}

std::pair<std::vector<at::Tensor>, at::Tensor> pixelCnn(c10::Device device, int steps) {
  at::manual_seed(5);
  PixelNet net(std::make_shared<PixelCNNImpl>(PixelCNNOptions().width(8).layers(3).head_width(8)));
  PixelTrainer t(net, PixelTrainerOptions().batch_size(8).lr(3e-3).slices(2), at::rand({32, 1, 28, 28}));
  t.set_device(device);
  for (int i = 0; i < steps; ++i)
    t.step();
  PixelSampler::Options o;
  o.count = 1;
  o.seed = 1;
  return {cpuCopies(*t.net()), sample_pixels(t.net(), o)};
}

std::pair<std::vector<at::Tensor>, at::Tensor> toyGan(c10::Device device, int steps) {
  at::manual_seed(5);
  ToyTrainer t(ToyModelOptions().kind(ToyKind::Gan), ToyTrainerOptions().batch_size(64), at::randn({256, 2}));
  t.set_device(device);
  for (int i = 0; i < steps; ++i)
    t.step();
  return {cpuCopies(*t.toy_decoder()), t.sample(8, 1)};
}

std::pair<std::vector<at::Tensor>, at::Tensor> toyDiffusion(c10::Device device, int steps) {
  at::manual_seed(5);
  ToyDiffusionTrainer t(MLPDiffusionOptions().timesteps(50), ToyDiffusionTrainerOptions().batch_size(64), at::randn({256, 2}));
  t.set_device(device);
  for (int i = 0; i < steps; ++i)
    t.step();
  auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
  return {cpuCopies(*t.model()), t.diffusion().p_sample_loop(toy_denoiser(t.ema()), {8, 2}, gen)};
}

}  // namespace

int main(int argc, char** argv) {
  std::string name = "cpu";
  int steps = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--device") == 0)
      name = argv[i + 1];
    else if (std::strcmp(argv[i], "--steps") == 0)
      steps = std::max(1, std::atoi(argv[i + 1]));
  }
  const auto device = parse_device(name);
  if (!device.ok()) {
    std::fprintf(stderr, "genlab_models_check: %s\n", device.error.c_str());
    return 2;
  }
  if (!device.value.is_cpu()) {
    // TF32 convolutions and products (the default on recent GPUs) differ from float32 by ~1e-3:
    // compare float32 with float32.
    at::globalContext().setAllowTF32CuDNN(false);
    at::globalContext().setAllowTF32CuBLAS(false);
  }
  std::printf("LibTorch %s, device %s, %d steps per family\n", TORCH_VERSION, device_name(device.value).c_str(), steps);
  const std::vector<std::pair<const char*, Run>> families{{"MLP VAE", mlpVae}, {"conv VAE", convVae},
                                                          {"DCGAN", dcgan},     {"DDPM", ddpm},
                                                          {"PixelCNN", pixelCnn}, {"toy GAN", toyGan},
                                                          {"toy diffusion", toyDiffusion}};
  int failed = 0;
  for (const auto& [label, run] : families) {
    try {
      const auto t0 = std::chrono::steady_clock::now();
      const auto [weights, sample] = run(device.value, steps);
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      std::pair<std::vector<at::Tensor>, at::Tensor> reference;
      {
        GenericPathsScope generic;  // the CPU's generic paths: the code another device runs
        reference = run(c10::Device(c10::kCPU), steps);
      }
      double worst = 0;
      for (size_t i = 0; i < weights.size(); ++i)
        worst = std::max(worst, (weights[i] - reference.first[i]).abs().max().item<double>());
      const bool finite = at::isfinite(sample.cpu()).all().item<bool>();
      const bool ok = worst < 1e-3 && finite;
      std::printf("%-14s %s  %.0f ms, weights within %.1e of the CPU's generic path, sample %s\n", label,
                  ok ? "ok  " : "FAIL", ms, worst, finite ? "finite" : "NOT FINITE");
      failed += ok ? 0 : 1;
    } catch (const c10::Error& e) {
      std::printf("%-14s FAIL  %s\n", label, e.what_without_backtrace());
      ++failed;
    }
  }
  return failed == 0 ? 0 : 1;
}
