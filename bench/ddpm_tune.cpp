// SPDX-License-Identifier: GPL-3.0-or-later
// Tuning the DDPM default: trains an MNIST DDPM with the settings given as key=value arguments,
// then scores 1,000 DDIM-50 samples of its EMA weights with the sample-quality judge
// (docs/QUALITY.md). Not part of CI; scripts/ddpm_tune.sh runs a list of settings.
//   ddpm_tune <mnist folder> key=value…
//   keys: threads dim mults(1-2-4) heads dim_head objective(pred_noise|pred_v|pred_x0) min_snr
//         schedule(linear|cosine|sigmoid) T lr batch ema epochs decay(0|1) precision(bf16|fp32)
//         count(1000) eta(0) score_every(0: only at the end) load(weights.safetensors: score a
//         trained run's EMA weights; with epochs=0) pgm(path prefix: 64 samples as a grid)
//         clip(1: x̂0 clamped to [−1, 1] while sampling) save(path prefix: the checkpoint)
//         attention_from(0) raw(1: load "model.*", not the EMA) also_ema(0.99,0.998: more EMAs scored)
#include "diffusion/image_diffusion.h"
#include "nn/ema.h"
#include "tune_setup.h"

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
  auto setup = tuneSetup(argc, argv, "ddpm_tune",
                         {{"threads", "2"}, {"dim", "16"}, {"mults", "1-2-4"}, {"heads", "4"}, {"dim_head", "16"},
                          {"objective", "pred_noise"}, {"min_snr", "0"}, {"schedule", "linear"}, {"T", "1000"},
                          {"lr", "1e-3"}, {"batch", "64"}, {"ema", "0.995"}, {"epochs", "14"}, {"decay", "0"},
                          {"precision", "bf16"}, {"count", "1000"}, {"eta", "0"}, {"score_every", "0"}, {"seed", "1"},
                          {"load", ""}, {"pgm", ""}, {"save", ""}, {"attention_from", "0"}, {"raw", "0"}, {"also_ema", ""}, {"clip", "1"}});
  if (!setup)
    return 2;
  auto& a = setup->settings;
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
                           .objective(a["objective"]).min_snr_gamma(std::stod(a["min_snr"]))
                           .clip_x0(a["clip"] == "1");
  genlab::ImageDiffusionTrainer trainer(
      net, process,
      genlab::ImageDiffusionTrainerOptions().lr(std::stod(a["lr"])).batch_size(std::stoll(a["batch"]))
          .ema_decay(std::stod(a["ema"])).seed(std::stoull(a["seed"])).precision(precision),
      setup->trainImages());
  const int epochs = std::stoi(a["epochs"]), score_every = std::stoi(a["score_every"]);
  if (a["decay"] == "1")
    trainer.set_lr_decay(trainer.steps_per_epoch() * epochs);

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
    if (!a["pgm"].empty())
      writeGrid(samples, a["pgm"] + "-e" + std::to_string(epoch) + ".pgm");
    const auto q = genlab::score_samples(setup->judge, samples, setup->reference);
    std::printf("epoch %d train %.0f s  confident %.3f  entropy %.3f  frechet %.1f  heldout %.4f  (sampling %.0f s)\n",
                epoch, train_s, q.confident, q.class_entropy_bits, q.frechet,
                trainer.evaluate(setup->heldImages()), seconds_since(t0));
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
    if (const genlab::Status saved = trainer.save_checkpoint(a["save"] + ".safetensors", a["save"] + ".state.safetensors");
        !saved.ok())
      std::fprintf(stderr, "%s\n", saved.error.c_str());
  score(epochs, train_s);
  for (auto& [decay, copy] : extra) {
    std::printf("EMA %.4f: ", decay);
    genlab::ema_init(*trainer.ema(), *copy);
    score(epochs, train_s);
  }
  return 0;
}
