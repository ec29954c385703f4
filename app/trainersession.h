// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to modelsession.cpp and toysession.cpp: the part of a ModelSession that only forwards to
// its trainer (counters, checkpoints), the same for every trainer GenLab has.

#include "modelsession.h"

#include <memory>

template <class Trainer>
class TrainerSession : public ModelSession {
 public:
  qint64 stepsDone() const override { return m_trainer->steps_done(); }
  qint64 epoch() const override { return m_trainer->epoch(); }
  qint64 batchInEpoch() const override { return m_trainer->batch_in_epoch(); }
  qint64 stepsPerEpoch() const override { return m_trainer->steps_per_epoch(); }
  std::string save(const std::string& weights, const std::string& state, const std::string& kind) override {
    return m_trainer->save_checkpoint(weights, state, {{"format", "pt"}, {"model", kind}});
  }
  std::string load(const std::string& weights, const std::string& state) override {
    return m_trainer->load_checkpoint(weights, state);
  }

 protected:
  /// Made by the derived session's constructor, once its options are in place.
  std::unique_ptr<Trainer> m_trainer;
};
