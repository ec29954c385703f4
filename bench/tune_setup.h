// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the tuning harnesses (ddpm_tune, gan_tune) share: key=value settings, the digits, the
// sample-quality judge and its reference statistics, and a grid of samples as a PGM file.

#include "data/mnist_dataset.h"
#include "quality/sample_quality.h"

#include <ATen/Parallel.h>

#include <cstdio>
#include <map>
#include <optional>
#include <string>

struct TuneSetup {
  std::map<std::string, std::string> settings;
  genlab::LabelledImages train, held;
  genlab::ImageClassifier judge{nullptr};
  genlab::FeatureStatistics reference;  ///< of the held-out digits
  at::Tensor trainImages() const { return train.images.view({-1, 1, 28, 28}); }
  at::Tensor heldImages() const { return held.images.view({-1, 1, 28, 28}); }
};

/// `<name> <mnist folder> key=value…` over `defaults` (only their keys are accepted): sets the
/// threads, loads the digits and the judge (genlab-quality-classifier.safetensors beside them) and
/// prints the settings. Nothing when something is wrong (the message is printed).
inline std::optional<TuneSetup> tuneSetup(int argc, char** argv, const char* name, std::map<std::string, std::string> defaults) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <mnist folder> key=value…\n", name);
    return std::nullopt;
  }
  TuneSetup s;
  s.settings = std::move(defaults);
  for (int i = 2; i < argc; ++i) {
    const std::string kv = argv[i];
    const auto eq = kv.find('=');
    if (eq == std::string::npos || !s.settings.count(kv.substr(0, eq))) {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      return std::nullopt;
    }
    s.settings[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  at::set_num_threads(std::stoi(s.settings["threads"]));
  const std::string folder = argv[1];
  auto train = genlab::load_mnist_split(folder, "train");
  auto held = genlab::load_mnist_split(folder, "t10k");
  auto judge = genlab::load_classifier(folder + "/genlab-quality-classifier.safetensors");
  if (!train.ok() || !held.ok() || !judge.ok()) {
    std::fprintf(stderr, "cannot read the digits or the judge in %s (genlab-cli quality mnist trains it)\n", folder.c_str());
    return std::nullopt;
  }
  s.train = train.value;
  s.held = held.value;
  s.judge = judge.value.model;
  s.reference = genlab::feature_statistics(genlab::classifier_features(s.judge, s.heldImages()));
  for (const auto& [k, v] : s.settings)
    std::printf("%s=%s ", k.c_str(), v.c_str());
  std::printf("\n");
  std::fflush(stdout);
  return s;
}

/// The first 64 of `samples` (N ≥ 64, 1, 28, 28) in [0, 1] as an 8×8 grid, grey PGM.
inline void writeGrid(const at::Tensor& samples, const std::string& path) {
  if (samples.size(0) < 64)
    return;
  const auto grid = samples.narrow(0, 0, 64).reshape({8, 8, 28, 28}).permute({0, 2, 1, 3}).reshape({224, 224})
                        .mul(255).round().to(at::kByte).contiguous();
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fprintf(f, "P5 224 224 255\n");
    std::fwrite(grid.data_ptr<uint8_t>(), 1, 224 * 224, f);
    std::fclose(f);
  }
}
