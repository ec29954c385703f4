// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/safetensors.h"

#include <map>
#include <string>
#include <utility>

namespace genlab {

/// A checkpoint is two files that must belong together: the weights (what PyTorch and the GUI
/// read) and the trainer state (optimizer moments, data order, RNG). Both record the step.
struct CheckpointFiles {
  SafetensorsFile weights;
  SafetensorsFile state;
  /// Said when the state is the kept previous one (the newer was unusable): which and why; "" else.
  std::string note;
};

/// Where a trainer stood when it saved.
struct TrainerCounters {
  int64_t step = 0;
  int64_t epoch = 0;
  int64_t batch_in_epoch = 0;
};

/// The counters a trainer state records ("step", "epoch", "batch_in_epoch" metadata), checked to be
/// in range; ok() or an error naming the file (`name`).
Status read_counters(const SafetensorsFile& state, const std::string& name, int64_t steps_per_epoch,
                     TrainerCounters* out);

/// Writes the state first, keeping the previous state as `<state_path>.prev` until the new weights
/// are written, then the weights; each write is atomic. `step` goes into both files' metadata.
/// A process killed at any moment leaves a weights file whose matching state is on disk. ok() or
/// an error naming the file.
Status save_checkpoint_files(const std::string& weights_path, const NamedTensors& weights,
                             std::map<std::string, std::string> weights_metadata, const std::string& state_path,
                             const NamedTensors& state, std::map<std::string, std::string> state_metadata,
                             int64_t step);

/// Reads a pair written by save_checkpoint_files: the state whose step matches the weights'
/// (the current one, or the kept previous one after an interrupted save), or an error.
Result<CheckpointFiles> load_checkpoint_files(const std::string& weights_path, const std::string& state_path);

}  // namespace genlab
