// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to app/families/: the part of a ModelSession that only forwards to
// its trainer (counters, checkpoints), the same for every trainer GenLab has.

#include "modelsession.h"

#include "nn/device.h"

#include <ATen/core/Tensor.h>

#include <QJsonArray>
#include <algorithm>
#include <QJsonObject>
#include <memory>
#include <utility>
#include <vector>

/// run.json's "latent" object for a (mean, std) per dimension.
inline QJsonObject latentRangeJson(const std::pair<std::vector<float>, std::vector<float>>& range) {
  QJsonArray mean, sd;
  for (size_t i = 0; i < range.first.size(); ++i) {
    mean.append(double(range.first[i]));
    sd.append(double(range.second[i]));
  }
  return {{QStringLiteral("mean"), mean}, {QStringLiteral("std"), sd}};
}

template <class Trainer>
class TrainerSession : public ModelSession {
 public:
  qint64 stepsDone() const override { return m_trainer->steps_done(); }
  qint64 epoch() const override { return m_trainer->epoch(); }
  qint64 batchInEpoch() const override { return m_trainer->batch_in_epoch(); }
  qint64 stepsPerEpoch() const override { return m_trainer->steps_per_epoch(); }
  Status save(const std::string& weights, const std::string& state, const std::string& kind) override {
    return {QString::fromStdString(m_trainer->save_checkpoint(weights, state, {{"format", "pt"}, {"model", kind}}).error)};
  }
  Status load(const std::string& weights, const std::string& state) override {
    return {QString::fromStdString(m_trainer->load_checkpoint(weights, state).error)};
  }
  QString loadNote() const override { return QString::fromStdString(m_trainer->load_note()); }
  void setDataParallel(std::shared_ptr<genlab::DataParallel> group) override { m_trainer->set_data_parallel(std::move(group)); }
  void setDevice(const std::string& device) override {
    const auto d = genlab::parse_device(device);
    TORCH_CHECK(d.ok(), d.error);
    m_trainer->set_device(d.value);
  }
  QStringList optimizerNames() const override {
    QStringList out;
    for (const auto& r : m_trainer->optimizer_readings())
      out << QString::fromStdString(r.name);
    return out;
  }
  QVector<double> optimizerReadings() const override {
    QVector<double> out;
    for (const auto& r : m_trainer->optimizer_readings())
      out << r.grad_norm << r.lr;
    return out;
  }

 protected:
  /// Made by the derived session's constructor, once its options are in place.
  std::unique_ptr<Trainer> m_trainer;
};

/// A diffusion model's session: one loss per step (the noise-prediction error), the same error on
/// the held-out data at each epoch's end, no latent code for the Explore page (its samples are the
/// model's own picture, samplesImage()).
template <class Trainer>
class DiffusionTrainerSession : public TrainerSession<Trainer> {
 public:
  QVector<double> step() override { return {this->m_trainer->step()}; }
  QVector<double> evaluate() override {
    const auto l = this->m_trainer->evaluate_by_timestep(m_eval, timestepBuckets(), 12345, m_evalLabels);
    QVector<double> out{l.mean};
    for (double v : l.by_timestep)
      out << v;
    return out;
  }
  int timestepBuckets() const override { return int(std::min<int64_t>(kBuckets, this->m_trainer->diffusion().timesteps())); }

 protected:
  static constexpr int kBuckets = 10;  ///< the loss per tenth of the timesteps
  at::Tensor m_eval;  ///< the held-out data, as the trainer takes it
  at::Tensor m_evalLabels;  ///< told the class: the held-out examples' classes (else undefined)
};
