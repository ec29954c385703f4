// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scatterplot.h"

#include "nn/image_decoder.h"

#include <memory>
#include <vector>

namespace genlab {
class ToyPointDecoder;
}

/// A toy model's decoder as the Explore page sees it: a code's "image" is a plot of the data with
/// the decoded point in red; plot() draws many decoded codes at once (the samples).
class PlotDecoder final : public genlab::ImageDecoder {
 public:
  /// The backdrop is shared: a snapshot every 100 ms while training copies no canvas.
  PlotDecoder(std::shared_ptr<const genlab::ToyPointDecoder> points, std::shared_ptr<const ScatterPlot> plot);

  int64_t latent_dim() const override;
  int64_t channels() const override { return 3; }
  int64_t side() const override { return m_plot->side(); }
  using ImageDecoder::decode;
  std::vector<float> decode(const std::vector<float>& z) const override;
  /// The plot with the points of `codes` (n·latent_dim values, code after code) as blue dots.
  std::vector<float> plot(const std::vector<float>& codes) const;

 private:
  std::shared_ptr<const genlab::ToyPointDecoder> m_points;
  std::shared_ptr<const ScatterPlot> m_plot;
};
