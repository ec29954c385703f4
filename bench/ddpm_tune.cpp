// SPDX-License-Identifier: GPL-3.0-or-later
// Tuning the DDPM default: trains an MNIST DDPM with the settings given as key=value arguments,
// then scores 1,000 DDIM-50 samples of its EMA weights with the sample-quality judge
// (docs/QUALITY.md). Not part of CI; scripts/ddpm_tune.sh runs a list of settings.
//   ddpm_tune <mnist folder> key=value…
//   keys: threads dim mults(1-2-4) heads dim_head objective(pred_noise|pred_v|pred_x0) min_snr
//         schedule(linear|cosine|sigmoid) T lr batch ema epochs decay(0|1) precision(bf16|fp32)
//         count(1000) eta(0) score_every(0: only at the end) load(weights.safetensors: score a
//         trained run's EMA weights; with epochs=0) pgm(path prefix: 64 samples as a grid)
#include "diffusion/image_diffusion.h"
#include "nn/ema.h"
#include "data/mnist_dataset.h"
#include "quality/sample_quality.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ddpm_tune <mnist folder> key=value…\n");
    return 2;
  }
  std::map<std::string, std::string> a{{"threads", "2"},  {"dim", "16"},         {"mults", "1-2-4"},   {"heads", "4"},
                                       {"dim_head", "16"}, {"objective", "pred_noise"}, {"min_snr", "0"},
                                       {"schedule", "linear"}, {"T", "1000"},   {"lr", "1e-3"},      {"batch", "64"},
                                       {"ema", "0.995"},  {"epochs", "14"},     {"decay", "0"},      {"precision", "bf16"},
                                       {"count", "1000"}, {"eta", "0"},         {"score_every", "0"}, {"seed", "1"}, {"load", ""}, {"pgm", ""}, {"save", ""}, {"attention_from", "0"}, {"raw", "0"}, {"also_ema", ""}};
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
  std::vector<int64_t> mults;
  std::stringstream ms(a["mults"]);
  for (std::string m; std::getline(ms, m, '-');)
    mults.push_back(std::stoll(m));
  const auto precision = genlab::precision_from_name(a["precision"]).value_or(genlab::Precision::Float32);
  const auto net = genlab::UnetOptions().dim(std::stoll(a["dim"])).dim_mults(mults).channels(1)
                       .attn_heads(std::stoll(a["heads"])).attn_dim_head(std::stoll(a["dim_head"]))
                       .attention_from_level(std::stoll(a["attention_from"]));
  const auto process = genlab::GaussianDiffusionOptions()
                           .schedule(a["schedule"]).timesteps(std::stoll(a["T"]))
                           .objective(a["objective"]).min_snr_gamma(std::stod(a["min_snr"]));
  genlab::ImageDiffusionTrainer trainer(
      net, process,
      genlab::ImageDiffusionTrainerOptions().lr(std::stod(a["lr"])).batch_size(std::stoll(a["batch"]))
          .ema_decay(std::stod(a["ema"])).seed(std::stoull(a["seed"])).precision(precision),
      train.value.images.view({-1, 1, 28, 28}));
  const int epochs = std::stoi(a["epochs"]), score_every = std::stoi(a["score_every"]);
  if (a["decay"] == "1")
    trainer.set_lr_decay(trainer.steps_per_epoch() * epochs);
  for (const auto& [k, v] : a)
    std::printf("%s=%s ", k.c_str(), v.c_str());
  std::printf("\n");
  std::fflush(stdout);

  const auto reference = genlab::feature_statistics(
      genlab::classifier_features(judge.value.model, held.value.images.view({-1, 1, 28, 28})));
  const int64_t count = std::stoll(a["count"]);
  auto score = [&](int epoch, double train_s) {
    const auto t0 = std::chrono::steady_clock::now();
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1);
    const auto denoiser = genlab::unet_denoiser(trainer.ema(), precision);
    std::vector<at::Tensor> parts;
    for (int64_t done = 0; done < count; done += 100)
      parts.push_back(trainer.diffusion().ddim_sample(denoiser, {std::min<int64_t>(100, count - done), 1, 28, 28}, 50,
                                                      std::stod(a["eta"]), gen));
    const auto samples = at::cat(parts).add(1).mul(0.5).clamp(0, 1);
    if (!a["pgm"].empty() && samples.size(0) >= 64) {  // the first 64 as an 8×8 grid, grey PGM
      const auto grid = samples.narrow(0, 0, 64).view({8, 8, 28, 28}).permute({0, 2, 1, 3}).reshape({224, 224})
                            .mul(255).round().to(at::kByte).contiguous();
      if (FILE* f = std::fopen((a["pgm"] + "-e" + std::to_string(epoch) + ".pgm").c_str(), "wb")) {
        std::fprintf(f, "P5 224 224 255\n");
        std::fwrite(grid.data_ptr<uint8_t>(), 1, 224 * 224, f);
        std::fclose(f);
      }
    }
    const auto q = genlab::score_samples(judge.value.model, samples, reference);
    std::printf("epoch %d train %.0f s  confident %.3f  entropy %.3f  frechet %.1f  heldout %.4f  (sampling %.0f s)\n",
                epoch, train_s, q.confident, q.class_entropy_bits, q.frechet,
                trainer.evaluate(held.value.images.view({-1, 1, 28, 28})), seconds_since(t0));
    std::fflush(stdout);
  };
  if (!a["load"].empty()) {  // score a trained run's EMA weights instead (epochs=0)
    if (const auto st = genlab::load_unet(trainer.ema(), a["load"], a["raw"] != "1"); !st.ok()) {
      std::fprintf(stderr, "%s\n", st.error.c_str());
      return 1;
    }
  }
  // Further EMA decays to compare at the end (also_ema=0.99,0.998), kept beside the trainer's own.
  std::vector<std::pair<double, genlab::Unet>> extra;
  std::stringstream es(a["also_ema"]);
  for (std::string d; std::getline(es, d, ',');) {
    genlab::Unet copy(net);
    genlab::ema_init(*copy, *trainer.model());
    extra.emplace_back(std::stod(d), copy);
  }
  double train_s = 0;
  for (int e = 1; e <= epochs; ++e) {
    const auto t0 = std::chrono::steady_clock::now();
    double loss = 0;
    for (int64_t i = 0; i < trainer.steps_per_epoch(); ++i) {
      loss += trainer.step();
      for (auto& [decay, copy] : extra)
        genlab::ema_update(*copy, *trainer.model(), decay);
    }
    train_s += seconds_since(t0);
    std::printf("epoch %d loss %.4f  %.0f s\n", e, loss / trainer.steps_per_epoch(), train_s);
    std::fflush(stdout);
    if ((score_every > 0 && e % score_every == 0 && e < epochs))
      score(e, train_s);
  }
  if (!a["save"].empty())
    trainer.save_checkpoint(a["save"] + ".safetensors", a["save"] + ".state.safetensors");
  score(epochs, train_s);
  for (auto& [decay, copy] : extra) {
    std::printf("EMA %.4f: ", decay);
    genlab::ema_init(*trainer.ema(), *copy);
    score(epochs, train_s);
  }
  return 0;
}
