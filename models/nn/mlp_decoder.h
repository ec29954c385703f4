// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace genlab {

/// A plain copy of an MLP decoder z → Linear → ReLU → Linear → sigmoid, in ordinary memory.
/// The training thread fills one and hands it over; the GUI decodes with it without touching
/// any tensor (and without torch's thread pool, which training keeps busy).
struct MlpDecoderWeights {
  int64_t latent_dim = 0;  ///< inputs: the code, then (told the class) `classes` one-hot values
  int64_t classes = 0;
  int64_t hidden_dim = 0;
  int64_t output_dim = 0;
  std::vector<float> w1;   ///< (hidden, latent), row-major as in nn.Linear
  std::vector<float> b1;   ///< (hidden)
  std::vector<float> w2t;  ///< (hidden, output): the second weight transposed, for a fast inner loop
  std::vector<float> b2;   ///< (output)

  bool empty() const { return output_dim == 0; }

  /// Pixel intensities in [0, 1] for one code `z` (latent_dim values) into `out` (output_dim).
  void decode(const float* z, float* out) const;
  std::vector<float> decode(const std::vector<float>& z) const;
};

}  // namespace genlab
