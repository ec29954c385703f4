// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The command line every model benchmark takes: <mnist folder> <threads> <steps>.

#include "data/mnist_dataset.h"

#include <ATen/Parallel.h>

#include <cstdio>
#include <cstdlib>
#include <optional>

struct BenchSetup {
  int threads = 1;
  int steps = 0;
  genlab::LabelledImages digits;  ///< the training split
};

/// Sets LibTorch's threads and loads the training digits; prints the usage or the error and
/// returns nothing when it cannot.
inline std::optional<BenchSetup> benchSetup(int argc, char** argv, const char* name) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s <mnist folder> <threads> <steps>\n", name);
    return std::nullopt;
  }
  BenchSetup s;
  s.threads = std::atoi(argv[2]);
  s.steps = std::atoi(argv[3]);
  at::set_num_threads(s.threads);
  auto data = genlab::load_mnist_split(argv[1], "train");
  if (!data.ok()) {
    std::fprintf(stderr, "%s\n", data.error.c_str());
    return std::nullopt;
  }
  s.digits = data.value;
  return s;
}
