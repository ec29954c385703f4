// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/checkpoint.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace genlab {
namespace {

std::string step_of(const std::map<std::string, std::string>& metadata) {
  const auto it = metadata.find("step");
  return it == metadata.end() ? std::string("?") : it->second;
}

std::string step_of(const SafetensorsFile& f) { return step_of(f.metadata); }

// A counter written by save_checkpoint_files: digits only, no sign, spaces or trailing text.
bool parse_counter(const std::map<std::string, std::string>& metadata, const char* key, int64_t* out) {
  const auto it = metadata.find(key);
  if (it == metadata.end() || it->second.empty() || it->second.size() > 18)
    return false;
  const std::string& text = it->second;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), *out);
  return r.ec == std::errc() && r.ptr == text.data() + text.size() && *out >= 0;
}

}  // namespace

Status read_counters(const SafetensorsFile& state, const std::string& name, int64_t steps_per_epoch,
                     TrainerCounters* out) {
  if (!parse_counter(state.metadata, "step", &out->step) || !parse_counter(state.metadata, "epoch", &out->epoch) ||
      !parse_counter(state.metadata, "batch_in_epoch", &out->batch_in_epoch))
    return {name + ": step counters missing or not whole numbers"};
  if (out->batch_in_epoch >= steps_per_epoch)
    return {name + ": step counters out of range"};
  return {};
}

Status save_checkpoint_files(const std::string& weights_path, const NamedTensors& weights,
                             std::map<std::string, std::string> weights_metadata, const std::string& state_path,
                             const NamedTensors& state, std::map<std::string, std::string> state_metadata,
                             int64_t step) {
  weights_metadata["step"] = state_metadata["step"] = std::to_string(step);
  // The state on disk becomes the kept previous one, unless it does not match the weights on disk
  // (a save failed after writing it, or it is unreadable): then the kept one is the one matching
  // the weights and must stay, however many saves fail in a row.
  const auto weights_now = read_safetensors_metadata(weights_path);
  const auto state_now = read_safetensors_metadata(state_path);
  const bool orphan = weights_now.ok() && (!state_now.ok() || step_of(weights_now.value) != step_of(state_now.value));
  std::error_code ec;
  if (!orphan && std::filesystem::exists(state_path, ec))
    if (::rename(state_path.c_str(), (state_path + ".prev").c_str()) != 0)
      return {state_path + ": cannot keep it as the previous state (" + std::strerror(errno) + ")"};
  if (Status saved = save_safetensors(state_path, state, state_metadata); !saved.ok())
    return saved;
  return save_safetensors(weights_path, weights, weights_metadata);
}

Result<CheckpointFiles> load_checkpoint_files(const std::string& weights_path, const std::string& state_path) {
  auto weights = load_safetensors(weights_path);
  if (!weights.ok())
    return {{}, weights.error};
  const std::string step = step_of(weights.value);
  auto state = load_safetensors(state_path);
  std::string note;
  if (!state.ok() || step_of(state.value) != step) {
    auto previous = load_safetensors(state_path + ".prev");
    if (previous.ok() && step_of(previous.value) == step) {
      const std::string name = std::filesystem::path(state_path).filename().string();
      note = name + " could not be used (" +
             (state.ok() ? "step " + step_of(state.value) + ", the weights are of step " + step : state.error) +
             "); the previous state " + name + ".prev, of the weights' step " + step + ", was used";
      state = std::move(previous);
    }
  }
  if (!state.ok())
    return {{}, state.error};
  if (step_of(state.value) != step)
    return {{}, std::filesystem::path(weights_path).filename().string() + " (step " + step + ") and " +
                    std::filesystem::path(state_path).filename().string() + " (step " + step_of(state.value) +
                    ") are from different moments; the run was interrupted while saving"};
  return {{std::move(weights.value), std::move(state.value), note}, {}};
}

}  // namespace genlab
