// SPDX-License-Identifier: GPL-3.0-or-later
// Tuning the DCGAN default: trains an MNIST DCGAN with the settings given as key=value arguments,
// then scores 1,000 samples with the sample-quality judge (docs/QUALITY.md). Not part of CI.
//   gan_tune <mnist folder> key=value…   keys: threads lr batch epochs precision(bf16|fp32)
//                                               minibatch_std(0|1) width latent seed score_every
//                                               batch_stats ema pgm dlr(D's lr / G's) beta1 beta2
//                                               decay(0|1: cosine to lr/100) truncation(0: off; else |z| ≤ it)
#include "gan/dcgan.h"
#include "nn/ema.h"
#include "tune_setup.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/where.h>
#include <torch/utils.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

int main(int argc, char** argv) {
  auto setup = tuneSetup(argc, argv, "gan_tune",
                         {{"threads", "2"}, {"lr", "2e-4"}, {"batch", "64"}, {"epochs", "10"}, {"precision", "fp32"},
                          {"minibatch_std", "0"}, {"width", "64"}, {"latent", "64"}, {"seed", "1"}, {"score_every", "0"},
                          {"batch_stats", "0"}, {"ema", "0"}, {"pgm", ""}, {"dlr", "1"},
                          {"beta1", "0.5"}, {"beta2", "0.999"}, {"decay", "0"}, {"truncation", "0"}});
  if (!setup)
    return 2;
  auto& a = setup->settings;
  const auto model = genlab::DCGANOptions().latent_dim(std::stoll(a["latent"])).width(std::stoll(a["width"]))
                         .minibatch_std(a["minibatch_std"] == "1");
  genlab::GanTrainer trainer(model,
                             genlab::GanTrainerOptions().lr(std::stod(a["lr"])).batch_size(std::stoll(a["batch"]))
                                 .seed(std::stoull(a["seed"])).discriminator_lr_scale(std::stod(a["dlr"]))
                                 .beta1(std::stod(a["beta1"])).beta2(std::stod(a["beta2"]))
                                 .precision(genlab::precision_from_name(a["precision"]).value_or(genlab::Precision::Float32)),
                             setup->trainImages());
  const int epochs = std::stoi(a["epochs"]), every = std::stoi(a["score_every"]);
  if (a["decay"] == "1")
    trainer.set_lr_decay(trainer.steps_per_epoch() * epochs);
  const double ema_decay = std::stod(a["ema"]);
  genlab::Generator ema(std::dynamic_pointer_cast<genlab::GeneratorImpl>(trainer.generator()->clone()));
  genlab::ema_init(*ema, *trainer.generator());
  double train_s = 0;
  for (int e = 1; e <= epochs; ++e) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < trainer.steps_per_epoch(); ++i) {
      trainer.step();
      if (ema_decay > 0)
        genlab::ema_update(*ema, *trainer.generator(), ema_decay);
    }
    train_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (e == epochs || (every > 0 && e % every == 0)) {
      // From the generator or its EMA copy, batch norm on running statistics (what GenLab samples
      // with) or, with batch_stats=1, on the sampled batch's own.
      at::Tensor samples;
      {
        torch::NoGradGuard no_grad;
        genlab::Generator g = ema_decay > 0 ? ema : trainer.generator();
        g->train(a["batch_stats"] == "1");
        auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
        auto z = at::randn({1000, std::stoll(a["latent"])}, gen);
        if (const double cut = std::stod(a["truncation"]); cut > 0)  // redraw |z| > cut (BigGAN's truncation)
          for (auto bad = z.abs() > cut; bad.any().item<bool>(); bad = z.abs() > cut)
            z = at::where(bad, at::randn(z.sizes(), gen), z);
        samples = g->forward(z).add(1).mul(0.5).clamp(0, 1);
        trainer.generator()->train();
      }
      const auto q = genlab::score_samples(setup->judge, samples, setup->reference);
      if (!a["pgm"].empty())
        writeGrid(samples, a["pgm"] + "-e" + std::to_string(e) + ".pgm");
      std::printf("epoch %d train %.0f s  confident %.3f  entropy %.3f  frechet %.1f  hist", e, train_s, q.confident,
                  q.class_entropy_bits, q.frechet);
      for (auto c : q.histogram)
        std::printf(" %lld", (long long)c);
      std::printf("\n");
      std::fflush(stdout);
    }
  }
  return 0;
}
