// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the DCGAN and the conv VAE: which image sizes the stride-2 stacks support and how
// many times they halve. Private to models/.

#include <c10/util/Exception.h>

#include <cmath>
#include <cstdint>

namespace genlab::conv_geometry {

/// The smallest feature map: 28 px halves twice to 7×7; 32 and 64 px halve down to 4×4.
inline int64_t start_size(int64_t image_size) { return image_size == 28 ? 7 : 4; }

/// How many stride-2 convolutions lie between the image and the smallest feature map.
inline int64_t doublings(int64_t image_size) {
  return int64_t(std::lround(std::log2(double(image_size) / double(start_size(image_size)))));
}

/// Refuses what the stacks cannot build, naming `model` and the value.
inline void check(const char* model, int64_t image_size, int64_t channels, int64_t latent_dim, int64_t width,
                  int64_t max_latent) {
  TORCH_CHECK(image_size == 28 || image_size == 32 || image_size == 64, model,
              " image_size must be 28, 32 or 64, got ", image_size);
  TORCH_CHECK(channels == 1 || channels == 3, model, " channels must be 1 or 3, got ", channels);
  TORCH_CHECK(latent_dim >= 2 && latent_dim <= max_latent, model, " latent_dim must be in 2..", max_latent, ", got ",
              latent_dim);
  TORCH_CHECK(width >= 4 && width <= 512, model, " width must be in 4..512, got ", width);
}

}  // namespace genlab::conv_geometry
