// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// No torch: plain numbers to pictures, for every folder that shows what a model made.

#include <QImage>
#include <vector>

/// Intensities in [0, 1], channel-major (channels, side, side), as a grey or RGB image; null when
/// the sizes disagree.
QImage imageFromPixels(const std::vector<float>& pixels, int side, int channels);
