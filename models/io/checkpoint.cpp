// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/checkpoint.h"

#include <filesystem>

namespace genlab {
namespace {

std::string step_of(const SafetensorsFile& f) {
  const auto it = f.metadata.find("step");
  return it == f.metadata.end() ? std::string("?") : it->second;
}

}  // namespace

std::string read_counters(const SafetensorsFile& state, const std::string& name, int64_t steps_per_epoch,
                          TrainerCounters* out) {
  try {
    out->step = std::stoll(state.metadata.at("step"));
    out->epoch = std::stoll(state.metadata.at("epoch"));
    out->batch_in_epoch = std::stoll(state.metadata.at("batch_in_epoch"));
  } catch (const std::exception&) {
    return name + ": step counters missing";
  }
  if (out->step < 0 || out->epoch < 0 || out->batch_in_epoch < 0 || out->batch_in_epoch >= steps_per_epoch)
    return name + ": step counters out of range";
  return {};
}

std::string save_checkpoint_files(const std::string& weights_path, const NamedTensors& weights,
                                  std::map<std::string, std::string> weights_metadata, const std::string& state_path,
                                  const NamedTensors& state, std::map<std::string, std::string> state_metadata,
                                  int64_t step) {
  weights_metadata["step"] = state_metadata["step"] = std::to_string(step);
  std::error_code ec;
  if (std::filesystem::exists(state_path, ec))
    std::filesystem::rename(state_path, state_path + ".prev", ec);
  if (std::string err = save_safetensors(state_path, state, state_metadata); !err.empty())
    return err;
  return save_safetensors(weights_path, weights, weights_metadata);
}

Result<CheckpointFiles> load_checkpoint_files(const std::string& weights_path, const std::string& state_path) {
  auto weights = load_safetensors(weights_path);
  if (!weights.ok())
    return {{}, weights.error};
  const std::string step = step_of(weights.value);
  auto state = load_safetensors(state_path);
  if (!state.ok() || step_of(state.value) != step) {
    auto previous = load_safetensors(state_path + ".prev");
    if (previous.ok() && step_of(previous.value) == step)
      state = std::move(previous);
  }
  if (!state.ok())
    return {{}, state.error};
  if (step_of(state.value) != step)
    return {{}, std::filesystem::path(weights_path).filename().string() + " (step " + step + ") and " +
                    std::filesystem::path(state_path).filename().string() + " (step " + step_of(state.value) +
                    ") are from different moments; the run was interrupted while saving"};
  return {{std::move(weights.value), std::move(state.value)}, {}};
}

}  // namespace genlab
