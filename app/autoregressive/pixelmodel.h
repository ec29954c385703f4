// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to genlab_core's .cpp files: it includes LibTorch.

#include "modelfamily.h"

#include "autoregressive/pixel_model.h"

#include <QString>
#include <memory>

/// A trained pixel-by-pixel run opened for sampling: its network and what it makes. The run's
/// family builds it (ModelFamily::loadPixelModel).
class PixelModel {
 public:
  explicit PixelModel(genlab::PixelNet net) : m_net(std::move(net)) {}

  /// Opens the run in `runFolder` and builds its network; the error says why not.
  static Result<std::shared_ptr<const PixelModel>> load(const QString& runFolder);

  const genlab::PixelNet& net() const { return m_net; }
  int levels() const { return int(m_net->shape().levels); }
  int classes() const { return int(m_net->shape().classes); }
  int imageSize() const { return int(m_net->shape().image_size); }

 private:
  genlab::PixelNet m_net;
};
