// SPDX-License-Identifier: GPL-3.0-or-later
#include "latentgrids.h"

#include "latentaxis.h"

#include <QPainter>
#include <functional>
#include <random>

namespace {

// Cells side by side, each as the decoder draws it (grey or RGB, 28/32/64 px).
QImage gridOf(int cells, const std::function<QImage(int row, int col)>& cell) {
  QImage grid;
  QPainter painter;
  for (int row = 0; row < cells; ++row)
    for (int col = 0; col < cells; ++col) {
      const QImage image = cell(row, col);
      if (image.isNull())
        return {};
      if (grid.isNull()) {
        grid = QImage(cells * image.width(), cells * image.height(), image.format());
        painter.begin(&grid);
      }
      painter.drawImage(col * image.width(), row * image.height(), image);
    }
  return grid;
}

}  // namespace

QImage latentGrid(const DecoderSnapshot& decoder, int cells, QPair<int, int> dims, std::vector<float> sigmas) {
  if (decoder.isNull() || int(sigmas.size()) != decoder.latentDim() || dims.first >= int(sigmas.size()) ||
      dims.second >= int(sigmas.size()))
    return {};
  return gridOf(cells, [&](int row, int col) {
    sigmas[size_t(dims.first)] = float(LatentAxis::fractionToLatent((col + 0.5) / cells));
    if (sigmas.size() > 1)
      sigmas[size_t(dims.second)] = float(LatentAxis::fractionToLatent(1.0 - (row + 0.5) / cells));
    return decoder.decode(decoder.codeAt(sigmas));
  });
}

QImage randomDrawsAt(const DecoderSnapshot& decoder, int cells, QPair<int, int> dims, QPointF at, quint64 seed) {
  const int d = decoder.latentDim();
  if (decoder.isNull() || dims.first >= d || dims.second >= d)
    return {};
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> normal;
  std::vector<float> sigmas(size_t(d), 0.f);
  return gridOf(cells, [&](int, int) {
    for (float& v : sigmas)
      v = normal(rng);
    sigmas[size_t(dims.first)] = float(at.x());
    if (d > 1)
      sigmas[size_t(dims.second)] = float(at.y());
    return decoder.decode(decoder.codeAt(sigmas));
  });
}
