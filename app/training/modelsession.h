// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decodersnapshot.h"
#include "trainingtypes.h"

#include "data/mnist_dataset.h"

#include <QJsonObject>
#include <QStringList>
#include <QVector>
#include <memory>
#include <string>

/// The model-specific half of a training run (the worker does the rest: data, run folder,
/// progress, checkpoints, stopping). One per model family; used on the training thread only.
class ModelSession {
 public:
  virtual ~ModelSession() = default;

  /// The session for `s.model`; throws c10::Error when the options are absurd.
  static std::unique_ptr<ModelSession> create(const TrainingSettings& s, const genlab::LabelledImages& train,
                                              const genlab::LabelledImages& eval);

  /// run.json's "model" object.
  virtual QJsonObject modelJson() const = 0;
  /// Names of the values step() returns (also metrics.csv's columns).
  virtual QStringList lossNames() const = 0;
  virtual QVector<double> step() = 0;
  /// Whether evaluate() means anything (a likelihood model: yes; a GAN: no).
  virtual bool evaluates() const = 0;
  /// Held-out {negative ELBO, reconstruction, KL} per image.
  virtual QVector<double> evaluate() = 0;
  /// Called at each epoch's end (an auto-encoder measures where its codes now live).
  virtual void epochEnded() {}
  /// run.json's "latent" object ({} if nothing to say).
  virtual QJsonObject latentJson() const { return {}; }

  virtual qint64 stepsDone() const = 0;
  virtual qint64 epoch() const = 0;
  virtual qint64 batchInEpoch() const = 0;
  virtual qint64 stepsPerEpoch() const = 0;

  virtual std::string save(const std::string& weights, const std::string& state, const std::string& kind) = 0;
  virtual std::string load(const std::string& weights, const std::string& state) = 0;
  /// A copy of the decoder (VAE) or generator (GAN) for the GUI; null for a model without one.
  virtual DecoderSnapshot snapshot() = 0;
  /// What samples/step-N.png shows at an epoch's end: 64 decoded draws, or a model's own picture.
  virtual QImage samplesImage() { return snapshot().sampleGrid(64, 1); }
};
