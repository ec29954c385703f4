// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <vector>

/// Held-out items of a run's data set as plain numbers (no torch): what the Explore page encodes
/// and scatters over the latent space.
struct HeldOutItems {
  int count = 0;
  int itemSize = 0;             ///< values per item: channels × side × side, or 2 for toy points
  int side = 0, channels = 1;   ///< images; side 0 for toy points
  std::vector<float> values;    ///< count × itemSize, intensities in [0, 1] channel-major (or points)
  std::vector<int> labels;      ///< one class per item; empty when the data has no classes
  QStringList classNames;       ///< "0" … "9", "T-shirt/top" …; empty without classes

  bool points() const { return side == 0; }
  const float* item(int i) const { return values.data() + size_t(i) * size_t(itemSize); }
  std::vector<float> itemValues(int i) const { return {item(i), item(i) + itemSize}; }
};
