// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to app/families/: the training session both pixel-by-pixel families (pixelcnn.cpp,
// pixelrnn.cpp) use, over their own network. Includes torch.

#include "familytools.h"
#include "trainersession.h"
#include "trainingtypes.h"

#include "autoregressive/pixel_trainer.h"
#include "pixelmodel.h"
#include "run.h"

#include <torch/utils.h>

#include <QImage>

class PixelSession final : public TrainerSession<genlab::PixelTrainer> {
 public:
  /// `modelJson`: run.json's "model" object of `net` (the family writes it).
  PixelSession(const TrainingSettings& s, const DatasetSplits& data, genlab::PixelNet net, QJsonObject modelJson);

  QJsonObject modelJson() const override { return m_json; }
  QVector<double> step() override { return {m_trainer->step()}; }
  QVector<double> evaluate() override;
  /// 16 images written pixel by pixel (the same seed each epoch).
  QImage samplesImage() override;

 private:
  QJsonObject m_json;
  at::Tensor m_eval;
  at::Tensor m_evalLabels;  ///< defined when the net is told the class
};

namespace FamilyTools {

/// run.json's "model" object of a pixel model: the fields both families carry; each adds its own.
QJsonObject pixelModelJson(const QString& id, const genlab::PixelModelShape& shape);
/// The pixel families' own option: 2 or 256 grey levels per pixel (and byClassOption, shared).
inline const QString kLevels = QStringLiteral("levels");
/// What the net predicts for each pixel, in words ("black/white per pixel").
inline QString pixelOutputWords(int64_t levels) {
  return levels == 2 ? QCoreApplication::translate("ModelFamily", "black/white per pixel")
                     : QCoreApplication::translate("ModelFamily", "256 grey levels per pixel");
}

/// A new run's session of the net `NetImpl` built from `options` (or, on resume, from run.json).
template <class NetImpl, class Options>
std::unique_ptr<ModelSession> pixelSession(const TrainingSettings& s, const DatasetSplits& data, const Options& options,
                                           const std::function<QJsonObject(const Options&)>& json) {
  torch::manual_seed(s.seed);  // the run's seed decides the first weights, as in every family
  return std::unique_ptr<ModelSession>(new PixelSession(s, data, std::make_shared<NetImpl>(options), json(options)));
}

/// loadPixelModel: the net `NetImpl` of `options`, filled from the run's weights.
template <class NetImpl, class Options>
Result<std::shared_ptr<const PixelModel>> loadPixelNet(const Run& run, const Options& options) {
  Result<std::shared_ptr<const PixelModel>> out;
  auto net = std::make_shared<NetImpl>(options);
  if (out.error = message(genlab::load_pixel_model(*net, run.weights(), kWeights).error); out.ok())
    out.value = std::make_shared<const PixelModel>(net);
  return out;
}

}  // namespace FamilyTools
