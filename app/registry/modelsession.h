// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to genlab_core's .cpp files.

#include "decodersnapshot.h"
#include "status.h"

#include <QImage>
#include <QJsonObject>
#include <QStringList>
#include <QVector>
#include <memory>
#include <string>
#include <vector>

/// The model-specific half of a training run (the worker does the rest: data, run folder,
/// progress, checkpoints, stopping). Each family makes its own (ModelFamily::makeSession); used on
/// the training thread only.
namespace genlab {
class DataParallel;
}

class ModelSession {
 public:
  virtual ~ModelSession() = default;

  /// run.json's "model" object; its "kind" is the family id.
  virtual QJsonObject modelJson() const = 0;
  /// One optimisation step: the values of the family's loss columns, in order.
  virtual QVector<double> step() = 0;
  /// The family's held-out measures, in the order of its heldOut columns, then the held-out loss
  /// per timestep bucket (timestepBuckets() values).
  virtual QVector<double> evaluate() = 0;
  /// Data-parallel training: this process trains on its share of each batch and the gradients are
  /// averaged over the group (rank 0's weights are copied to the others).
  virtual void setDataParallel(std::shared_ptr<genlab::DataParallel> group) = 0;
  /// Moves the model and its optimizer to `device` ("cpu", "cuda:N", checked by
  /// TrainingSettings::validate); called right after the session is made.
  virtual void setDevice(const std::string& device) = 0;
  /// Diffusion models: how many equal ranges of t evaluate() reports the loss of (0: none).
  virtual int timestepBuckets() const { return 0; }
  /// The optimizers: "" for a model's only one, else what each trains ("discriminator", "generator").
  virtual QStringList optimizerNames() const = 0;
  /// After each step: the gradient norm and learning rate of each optimizer, in optimizerNames() order.
  virtual QVector<double> optimizerReadings() const = 0;
  /// Point families: `count` generated points (x, y, x, y …) for the quality measure; {} for images.
  virtual std::vector<float> samplePoints(int /*count*/, quint64 /*seed*/) { return {}; }
  /// Called at each epoch's end (an auto-encoder measures where its codes now live).
  virtual void epochEnded() {}
  /// run.json's "latent" object ({} if nothing to say).
  virtual QJsonObject latentJson() const { return {}; }

  virtual qint64 stepsDone() const = 0;
  virtual qint64 epoch() const = 0;
  virtual qint64 batchInEpoch() const = 0;
  virtual qint64 stepsPerEpoch() const = 0;

  virtual Status save(const std::string& weights, const std::string& state, const std::string& kind) = 0;
  virtual Status load(const std::string& weights, const std::string& state) = 0;
  /// What the last load has to say besides ok (an older optimizer state used): "" when nothing.
  virtual QString loadNote() const { return {}; }
  /// A copy of the decoder (VAE) or generator (GAN) for the GUI; null for a model without one.
  virtual DecoderSnapshot snapshot() { return {}; }
  /// What samples/step-N.png shows at an epoch's end: 64 decoded draws (told the class: whole rows,
  /// one per class, 7 codes across), or a model's own picture.
  virtual QImage samplesImage() {
    const DecoderSnapshot decoder = snapshot();
    const int classes = decoder.classes();
    return decoder.sampleGrid(classes > 0 ? (64 + classes - 1) / classes * classes : 64, 1);
  }
};
