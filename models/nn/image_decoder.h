// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace genlab {

/// Anything that turns a latent code into an image: a VAE's decoder, a GAN's generator. Immutable
/// once made, so one can be shared between threads (the GUI decodes while training goes on).
class ImageDecoder {
 public:
  virtual ~ImageDecoder() = default;
  virtual int64_t latent_dim() const = 0;
  virtual int64_t channels() const = 0;  ///< 1 grey, 3 RGB
  virtual int64_t side() const = 0;      ///< images are side × side
  /// Intensities in [0, 1], channel-major (channels, side, side), for one code of latent_dim values.
  /// A decoder told the class draws class 0.
  virtual std::vector<float> decode(const std::vector<float>& z) const = 0;
  /// Told the class (a CVAE's decoder, a conditional GAN's generator): how many classes; 0 if not.
  virtual int64_t classes() const { return 0; }
  /// The same for class `label` in [0, classes()) (ignored by a decoder not told the class); empty
  /// when the label is out of range.
  virtual std::vector<float> decode(const std::vector<float>& z, int64_t label) const {
    (void)label;
    return decode(z);
  }
};

struct MlpDecoderWeights;
/// A VAE's decoder copied into plain memory (no torch on the calling thread). Told the class
/// (weights.classes > 0), its input is the code followed by the one-hot class.
std::shared_ptr<const ImageDecoder> make_mlp_decoder(MlpDecoderWeights weights);

}  // namespace genlab
