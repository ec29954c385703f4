// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to app/families/: the training session both pixel-by-pixel families (pixelcnn.cpp,
// pixelrnn.cpp) use, over their own network. Includes torch.

#include "familytools.h"
#include "trainersession.h"
#include "trainingtypes.h"

#include "autoregressive/pixel_trainer.h"

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
};
