// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace genlab {

/// Where an encoder puts `count` items: the posterior mean, and log σ² for a VAE (empty for an
/// auto-encoder, whose code is a point). Row-major, count × dim.
struct LatentCodes {
  int64_t count = 0, dim = 0;
  std::vector<float> mean, logvar;
  bool empty() const { return count == 0; }
};

/// Anything that maps data items to latent codes: a VAE's encoder (the mean and spread of
/// q(z | x)), an auto-encoder's. Immutable once made, so one can be shared between threads (a
/// pool thread encodes the held-out data while training goes on).
class ImageEncoder {
 public:
  virtual ~ImageEncoder() = default;
  virtual int64_t latent_dim() const = 0;
  /// Values per item: channels × side × side intensities in [0, 1] (channel-major), or the two
  /// coordinates of a toy point.
  virtual int64_t item_size() const = 0;
  /// Told the class (a CVAE's encoder): how many classes; 0 if not.
  virtual int64_t classes() const { return 0; }
  /// The codes of `count` items (count × item_size values) and, for an encoder told the class, their
  /// `count` labels in [0, classes) (ignored otherwise); empty when anything is wrong (labels
  /// missing or out of range among it).
  virtual LatentCodes encode(const float* items, int64_t count, const int64_t* labels = nullptr) const = 0;
};

}  // namespace genlab
