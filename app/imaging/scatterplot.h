// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// No torch: 2-D points to a picture, for the toy models and the toy diffusion.

#include <array>
#include <vector>

/// A side × side RGB scatter plot (channel-major, values in [0, 1]): `background` points (x, y, x, y, …)
/// in light grey on white, framed with equal scales on both axes (10% margin, y up) around the
/// background and any `alsoFrame` points. Immutable once made: safe to share between threads.
class ScatterPlot {
 public:
  explicit ScatterPlot(const std::vector<float>& background, int side = 160, const std::vector<float>& alsoFrame = {});

  int side() const { return m_side; }
  /// The background alone.
  const std::vector<float>& canvas() const { return m_canvas; }
  /// The canvas with `points` (x, y, …) as small blue dots; a point outside the frame is left out.
  std::vector<float> withPoints(const std::vector<float>& points) const;
  /// The canvas with one point as a red dot ringed in black (where a code decodes to).
  std::vector<float> withMarker(float x, float y) const;
  /// The pixel (column, row) a point falls on; it may lie outside 0 … side − 1.
  std::array<long, 2> pixelOf(double x, double y) const;

 private:
  void dot(std::vector<float>& image, double x, double y, int radius, std::array<float, 3> rgb) const;

  int m_side;
  double m_cx = 0, m_cy = 0, m_half = 1;
  std::vector<float> m_canvas;
};

/// `points` over `background` (both x, y, …). With `fitPoints` the frame also holds the middle 96%
/// of the points on each axis (a noisy diffusion state is much wider than the data; outliers fall off).
std::vector<float> plotPoints(const std::vector<float>& background, const std::vector<float>& points, int side = 160,
                              bool fitPoints = false);
