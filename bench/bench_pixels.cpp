// SPDX-License-Identifier: GPL-3.0-or-later
// Pixel-by-pixel sampling: the naive way (a full forward pass for every pixel) against the cached
// one GenLab uses (PixelCNN: the current row's horizontal stack with the row above's vertical stack
// cached; PixelRNN: one row of LSTM steps from the cached states above), on the default networks
// of the two families (sizes as in app/families/pixelcnn.cpp and pixelrnn.cpp; weights as
// initialised — the cost does not depend on them). Prints seconds and the ratio. With an MNIST
// folder and a step count, also training images per second, with the batch in slices (GenLab's
// way) and in one pass (bench/pixel_reference.py is PyTorch's; bench/run.sh pixels compares).
//   bench_pixels <threads> <images (0: no sampling)> [<mnist folder> <training steps>]
#include "autoregressive/pixel_model.h"
#include "autoregressive/pixel_trainer.h"
#include "nn/batch_slices.h"
#include "data/mnist_dataset.h"
#include "pixelcnn/pixelcnn.h"
#include "pixelrnn/pixelrnn.h"

#include <ATen/Parallel.h>
#include <torch/utils.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {

double seconds(genlab::PixelNet net, int images, bool naive) {
  genlab::PixelSampler::Options o;
  o.count = images;
  o.naive = naive;
  const auto t0 = std::chrono::steady_clock::now();
  genlab::sample_pixels(std::move(net), o);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_pixels <threads> <images>\n");
    return 2;
  }
  at::set_num_threads(std::atoi(argv[1]));
  const int images = std::atoi(argv[2]);
  torch::manual_seed(1);
  const genlab::PixelNet cnn = std::make_shared<genlab::PixelCNNImpl>(genlab::PixelCNNOptions().width(32).layers(6).head_width(64));
  const genlab::PixelNet rnn = std::make_shared<genlab::PixelRNNImpl>(genlab::PixelRNNOptions().hidden(32).layers(2).head_width(64));
  for (const auto& [name, net] : {std::pair{"Gated PixelCNN", cnn}, std::pair{"PixelRNN (Row LSTM)", rnn}}) {
    if (images == 0)
      break;
    const double cached = seconds(net, images, false), naive = seconds(net, images, true);
    std::printf("%-20s %d images of 784 pixels, %s threads: cached %.2f s (%.0f pixels/s per image), naive %.2f s: %.1fx\n",
                name, images, argv[1], cached, 784 / cached, naive, naive / cached);
  }
  if (argc >= 5) {
    auto digits = genlab::load_mnist_split(argv[3], "train");
    if (!digits.ok()) {
      std::fprintf(stderr, "%s\n", digits.error.c_str());
      return 1;
    }
    const auto x = digits.value.images.view({-1, 1, 28, 28});
    const int steps = std::atoi(argv[4]);
    // GenLab's way (the batch in slices, one per thread), then one pass with every operation
    // split across the threads (as PyTorch runs it). Keys for bench/run.sh.
    const int threads = std::atoi(argv[1]);
    for (const auto& [key, net] : {std::pair{"pixelcnn", cnn}, std::pair{"pixelrnn", rnn}})
      for (const int slices : {genlab::BatchSlices::recommended(threads), 1}) {
        genlab::PixelTrainer t(net, genlab::PixelTrainerOptions().batch_size(64).slices(slices), x);
        for (int i = 0; i < 3; ++i)
          t.step();
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < steps; ++i)
          t.step();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("%s_%s_images_per_s %.1f\n", key, slices == 1 ? "onepass" : "train", steps * 64 / s);
      }
  }
  return 0;
}
