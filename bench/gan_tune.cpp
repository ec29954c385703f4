// SPDX-License-Identifier: GPL-3.0-or-later
// Tuning the DCGAN default: trains an MNIST DCGAN with the settings given as key=value arguments,
// then scores 1,000 samples with the sample-quality judge (docs/QUALITY.md). Not part of CI.
//   gan_tune <mnist folder> key=value…   keys: threads lr batch epochs precision(bf16|fp32)
//                                               minibatch_std(0|1) width latent seed score_every
#include "gan/dcgan.h"
#include "nn/ema.h"
#include "data/mnist_dataset.h"
#include "quality/sample_quality.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/ops/randn.h>
#include <torch/utils.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gan_tune <mnist folder> key=value…\n");
    return 2;
  }
  std::map<std::string, std::string> a{{"threads", "2"}, {"lr", "2e-4"},   {"batch", "64"},        {"epochs", "10"},
                                       {"precision", "fp32"}, {"minibatch_std", "0"}, {"width", "64"},
                                       {"latent", "64"},  {"seed", "1"},   {"score_every", "0"}, {"batch_stats", "0"}, {"ema", "0"}, {"pgm", ""}};
  for (int i = 2; i < argc; ++i) {
    const std::string kv = argv[i];
    const auto eq = kv.find('=');
    if (eq == std::string::npos || !a.count(kv.substr(0, eq))) {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
    a[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  at::set_num_threads(std::stoi(a["threads"]));
  const std::string folder = argv[1];
  auto train = genlab::load_mnist_split(folder, "train");
  auto held = genlab::load_mnist_split(folder, "t10k");
  auto judge = genlab::load_classifier(folder + "/genlab-quality-classifier.safetensors");
  if (!train.ok() || !held.ok() || !judge.ok()) {
    std::fprintf(stderr, "cannot read the digits or the judge in %s\n", folder.c_str());
    return 1;
  }
  for (const auto& [k, v] : a)
    std::printf("%s=%s ", k.c_str(), v.c_str());
  std::printf("\n");
  const auto model = genlab::DCGANOptions().latent_dim(std::stoll(a["latent"])).width(std::stoll(a["width"]))
                         .minibatch_std(a["minibatch_std"] == "1");
  genlab::GanTrainer trainer(model,
                             genlab::GanTrainerOptions().lr(std::stod(a["lr"])).batch_size(std::stoll(a["batch"]))
                                 .seed(std::stoull(a["seed"]))
                                 .precision(genlab::precision_from_name(a["precision"]).value_or(genlab::Precision::Float32)),
                             train.value.images.view({-1, 1, 28, 28}));
  const auto reference = genlab::feature_statistics(
      genlab::classifier_features(judge.value.model, held.value.images.view({-1, 1, 28, 28})));
  const int epochs = std::stoi(a["epochs"]), every = std::stoi(a["score_every"]);
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
      at::Tensor samples;
      if (a["batch_stats"] == "1" && ema_decay > 0) {
        torch::NoGradGuard no_grad;
        auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
        ema->train();
        samples = ema->forward(at::randn({1000, std::stoll(a["latent"])}, gen)).add(1).mul(0.5).clamp(0, 1);
      } else if (a["batch_stats"] == "1") {  // the generator's batch norm on the batch's own statistics
        torch::NoGradGuard no_grad;
        auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
        trainer.generator()->train();
        samples = trainer.generator()->forward(at::randn({1000, std::stoll(a["latent"])}, gen)).add(1).mul(0.5).clamp(0, 1);
      } else if (ema_decay > 0) {
        torch::NoGradGuard no_grad;
        auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
        ema->eval();
        samples = ema->forward(at::randn({1000, std::stoll(a["latent"])}, gen)).add(1).mul(0.5).clamp(0, 1);
      } else {
        samples = trainer.sample(1000, 1);
      }
      const auto q = genlab::score_samples(judge.value.model, samples, reference);
      if (!a["pgm"].empty()) {  // the first 64 as an 8×8 grid, grey PGM
        const auto grid = samples.narrow(0, 0, 64).view({8, 8, 28, 28}).permute({0, 2, 1, 3}).reshape({224, 224})
                              .mul(255).round().to(at::kByte).contiguous();
        if (FILE* f = std::fopen((a["pgm"] + "-e" + std::to_string(e) + ".pgm").c_str(), "wb")) {
          std::fprintf(f, "P5 224 224 255\n");
          std::fwrite(grid.data_ptr<uint8_t>(), 1, 224 * 224, f);
          std::fclose(f);
        }
      }
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
