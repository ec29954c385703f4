// SPDX-License-Identifier: GPL-3.0-or-later
#include "plotdecoder.h"

#include "toy/toy_models.h"

PlotDecoder::PlotDecoder(std::shared_ptr<const genlab::ToyPointDecoder> points, std::shared_ptr<const ScatterPlot> plot)
    : m_points(std::move(points)), m_plot(std::move(plot)) {}

int64_t PlotDecoder::latent_dim() const { return m_points->latent_dim(); }

std::vector<float> PlotDecoder::decode(const std::vector<float>& z) const {
  if (int64_t(z.size()) != latent_dim())
    return {};
  const auto p = m_points->points(z);
  return p.size() == 2 ? m_plot->withMarker(p[0], p[1]) : std::vector<float>();
}

std::vector<float> PlotDecoder::plot(const std::vector<float>& codes) const {
  return m_plot->withPoints(m_points->points(codes));
}
