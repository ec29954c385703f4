#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds models/ alone (LibTorch only, no Qt) against a LibTorch of your choice, then runs
# genlab_models_check on a device: every family trains a few steps there and samples, compared
# with the CPU's generic paths.
#
#   scripts/build-models.sh                                   # Debian's LibTorch, on the CPU
#   scripts/build-models.sh /opt/libtorch cuda                # a LibTorch archive (2.x, CUDA)
#   TORCH_DIR=/opt/libtorch/share/cmake/Torch scripts/build-models.sh "" cuda:1
#
# The first argument is the LibTorch folder (the one with share/cmake/Torch) or empty for the
# system's; the second the device (cpu, cuda, cuda:N). The build goes to build-models/<name>.
# What differs between LibTorch versions is in models/nn/torch_compat.h.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
libtorch="${1:-}"
device="${2:-cpu}"
torch_dir="${TORCH_DIR:-}"
if [[ -n "$libtorch" ]]; then
  torch_dir="$libtorch/share/cmake/Torch"
fi
name="system"
args=()
if [[ -n "$torch_dir" ]]; then
  if [[ ! -f "$torch_dir/TorchConfig.cmake" ]]; then
    echo "build-models: no TorchConfig.cmake in $torch_dir" >&2
    exit 2
  fi
  args+=("-DTorch_DIR=$torch_dir")
  name="$(basename "$(cd "$torch_dir/../../.." && pwd)")"
fi
build="$here/build-models/$name"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$here/models" -B "$build" "${generator[@]}" "${args[@]}" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" --parallel "${JOBS:-2}"
"$build/genlab_models_check" --device "$device"
