// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixelimage.h"

#include <algorithm>
#include <cmath>

QImage imageFromPixels(const std::vector<float>& pixels, int side, int channels) {
  if (pixels.empty() || size_t(side * side * channels) != pixels.size())
    return {};
  const auto byte = [](float v) { return uchar(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); };
  QImage image(side, side, channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  for (int y = 0; y < side; ++y) {
    uchar* line = image.scanLine(y);
    for (int x = 0; x < side; ++x) {
      if (channels == 1) {
        line[x] = byte(pixels[size_t(y * side + x)]);
      } else {
        for (int c = 0; c < 3; ++c)
          line[3 * x + c] = byte(pixels[size_t((c * side + y) * side + x)]);
      }
    }
  }
  return image;
}
