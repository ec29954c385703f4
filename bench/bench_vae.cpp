// SPDX-License-Identifier: GPL-3.0-or-later
// GenLab side of the VAE benchmark (bench/run.sh runs it beside vae_reference.py):
// trains the seed-003 VAE for a fixed number of steps and times one latent → image decode.
//   bench_vae <mnist folder> <threads> <steps>
#include "bench_setup.h"
#include "vae/vae_trainer.h"

#include <ATen/Parallel.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/sigmoid.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using Clock = std::chrono::steady_clock;

static double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[size_t(q * double(v.size() - 1))];
}

int main(int argc, char** argv) {
  const auto setup = benchSetup(argc, argv, "bench_vae");
  if (!setup)
    return argc < 4 ? 2 : 1;  // usage, or the digits could not be read
  const int steps = setup->steps;
  genlab::VaeTrainer trainer(genlab::VAEOptions(), genlab::VaeTrainerOptions().seed(1), setup->digits.images);
  for (int i = 0; i < 50; ++i)  // warm-up: allocator, OpenMP pool, BLAS buffers
    trainer.step();
  double best = 0;
  for (int rep = 0; rep < 3; ++rep) {
    const auto t0 = Clock::now();
    for (int i = 0; i < steps; ++i)
      trainer.step();
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    best = std::max(best, steps * 128.0 / s);
  }
  std::printf("train_samples_per_s %.0f\n", best);

  // One decode, the way the Explore page does it (plain copy of the decoder, GUI thread).
  const auto weights = trainer.decoder_weights();
  std::vector<double> us;
  std::vector<float> z(2), out(784);
  uint32_t rng = 12345;
  for (int i = 0; i < 20000; ++i) {
    rng = rng * 1664525u + 1013904223u;
    z[0] = float(int(rng >> 16) % 600 - 300) / 100.f;
    z[1] = float(int(rng & 0xffff) % 600 - 300) / 100.f;
    const auto t0 = Clock::now();
    weights.decode(z.data(), out.data());
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::printf("decode_us_median %.2f\ndecode_us_p99 %.2f\n", percentile(us, 0.5), percentile(us, 0.99));

  // The same decode through LibTorch, for comparison with Python's.
  us.clear();
  c10::InferenceMode guard;
  auto model = trainer.model();
  for (int i = 0; i < 20000; ++i) {
    const auto zt = at::randn({1, 2});
    const auto t0 = Clock::now();
    const auto img = at::sigmoid(model->decode(zt));
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  std::printf("torch_decode_us_median %.2f\ntorch_decode_us_p99 %.2f\n", percentile(us, 0.5), percentile(us, 0.99));
  return 0;
}
