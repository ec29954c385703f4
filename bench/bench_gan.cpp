// SPDX-License-Identifier: GPL-3.0-or-later
// GenLab side of the DCGAN benchmark (bench/run.sh runs it beside gan_reference.py): one
// alternating D/G step of the 28-px DCGAN (width 64, z = 64, batch 64) on real digits.
//   bench_gan <mnist folder> <threads> <steps>
#include "gan/dcgan.h"
#include "bench_setup.h"

#include <ATen/Parallel.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  const auto setup = benchSetup(argc, argv, "bench_gan");
  if (!setup)
    return argc < 4 ? 2 : 1;  // usage, or the digits could not be read
  const int steps = setup->steps;
  genlab::GanTrainer trainer(genlab::DCGANOptions(), genlab::GanTrainerOptions(), setup->digits.images.view({-1, 1, 28, 28}));
  for (int i = 0; i < 10; ++i)
    trainer.step();
  double best = 0;
  for (int rep = 0; rep < 3; ++rep) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i)
      trainer.step();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::max(best, steps * 64.0 / s);
  }
  std::printf("gan_samples_per_s %.0f\n", best);
  return 0;
}
