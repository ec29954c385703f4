// SPDX-License-Identifier: GPL-3.0-or-later
#include "scatterplot.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr std::array<float, 3> kGrey{0.78f, 0.78f, 0.78f}, kBlue{0.12f, 0.35f, 0.85f}, kRed{0.86f, 0.16f, 0.12f},
    kInk{0.1f, 0.1f, 0.1f};

// The q-quantile of one coordinate (0 x, 1 y) of points (x, y, …), linearly interpolated between
// the two nearest ranks (as numpy's and torch's default).
float quantile(const std::vector<float>& points, int axis, double q) {
  std::vector<float> v;
  v.reserve(points.size() / 2);
  for (size_t i = size_t(axis); i + 1 < points.size() + size_t(axis); i += 2)
    v.push_back(points[i]);
  std::sort(v.begin(), v.end());
  const double pos = q * double(v.size() - 1);
  const size_t lo = size_t(std::floor(pos)), hi = std::min(lo + 1, v.size() - 1);
  return float(double(v[lo]) + (pos - double(lo)) * (double(v[hi]) - double(v[lo])));
}

}  // namespace

ScatterPlot::ScatterPlot(const std::vector<float>& background, int side, const std::vector<float>& alsoFrame)
    : m_side(std::max(side, 1)) {
  double lo[2] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
  double hi[2] = {-lo[0], -lo[1]};
  for (const auto* set : {&background, &alsoFrame})
    for (size_t i = 0; i + 1 < set->size(); i += 2)
      for (int a = 0; a < 2; ++a) {
        lo[a] = std::min(lo[a], double((*set)[i + size_t(a)]));
        hi[a] = std::max(hi[a], double((*set)[i + size_t(a)]));
      }
  if (lo[0] <= hi[0]) {
    m_cx = 0.5 * (lo[0] + hi[0]);
    m_cy = 0.5 * (lo[1] + hi[1]);
    m_half = 0.55 * std::max(hi[0] - lo[0], hi[1] - lo[1]);
  }
  if (!(m_half > 0) || !std::isfinite(m_half))
    m_half = 1;
  m_canvas.assign(size_t(3 * m_side * m_side), 1.f);
  for (size_t i = 0; i + 1 < background.size(); i += 2)
    dot(m_canvas, background[i], background[i + 1], 0, kGrey);
}

std::array<long, 2> ScatterPlot::pixelOf(double x, double y) const {
  return {long(std::floor((x - m_cx + m_half) / (2 * m_half) * double(m_side))),
          long(std::floor((m_cy + m_half - y) / (2 * m_half) * double(m_side)))};  // y up
}

void ScatterPlot::dot(std::vector<float>& image, double x, double y, int radius, std::array<float, 3> rgb) const {
  if (!std::isfinite(x) || !std::isfinite(y))
    return;
  const auto [px, py] = pixelOf(x, y);
  const long side = m_side;
  for (long dy = -radius; dy <= radius; ++dy)
    for (long dx = -radius; dx <= radius; ++dx) {
      const long qx = px + dx, qy = py + dy;
      if (dx * dx + dy * dy > radius * radius + radius || qx < 0 || qy < 0 || qx >= side || qy >= side)
        continue;
      for (long c = 0; c < 3; ++c)
        image[size_t(c * side * side + qy * side + qx)] = rgb[size_t(c)];
    }
}

std::vector<float> ScatterPlot::withPoints(const std::vector<float>& points) const {
  std::vector<float> image = m_canvas;
  for (size_t i = 0; i + 1 < points.size(); i += 2)
    dot(image, points[i], points[i + 1], 1, kBlue);
  return image;
}

std::vector<float> ScatterPlot::withMarker(float x, float y) const {
  std::vector<float> image = m_canvas;
  dot(image, x, y, 4, kInk);
  dot(image, x, y, 3, kRed);
  return image;
}

std::vector<float> plotPoints(const std::vector<float>& background, const std::vector<float>& points, int side,
                              bool fitPoints) {
  std::vector<float> frame;
  if (fitPoints && points.size() >= 2)
    frame = {quantile(points, 0, 0.02), quantile(points, 1, 0.02), quantile(points, 0, 0.98), quantile(points, 1, 0.98)};
  return ScatterPlot(background, side, frame).withPoints(points);
}
