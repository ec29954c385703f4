#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The DDPM's training step on 1 and on 2 processes (1 thread each, c10d/Gloo on this machine),
# the same whole batch, in one run: steps per second and the scaling efficiency.
#   bench/data_parallel.sh [steps] [batch] [precision]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${GENLAB_BUILD_DIR:-$root/build}/app/genlab-cli
steps=${1:-40}
batch=${2:-64}
precision=${3:-fp32}
skip=5  # the first steps warm up (allocation, oneDNN's choices)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "GenLab data-parallel benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, DDPM, batch $batch, $steps steps, $precision"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "CPU features: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx2|fma|avx512f|avx512bw|avx512vl|avx512_bf16|avx512_vnni|amx_tile|amx_bf16)$' | tr '\n' ' ')"
echo "BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"

# Seconds per step after the warm-up, from the run's own clock (metrics.csv's wall_s).
per_step() { awk -F, -v s="$skip" 'NR == s + 2 { a = $3 } END { print ($3 - a) / (NR - 2 - s) }' "$1/metrics.csv"; }

common=(--model ddpm --precision "$precision" --quality off --max-steps "$steps" --data "$root/data/mnist")
"$cli" train "${common[@]}" --batch "$batch" --threads 1 --out "$work/one" > /dev/null 2>&1
one=$(per_step "$work/one")
"$cli" train "${common[@]}" --batch $((batch / 2)) --nproc 2 --threads 1 --out "$work/two" > /dev/null 2>&1
two=$(per_step "$work/two")
# The same without overlapping the all-reduce with backward (one all-reduce after it).
GENLAB_DIST_OVERLAP=0 "$cli" train "${common[@]}" --batch $((batch / 2)) --nproc 2 --threads 1 --out "$work/after" > /dev/null 2>&1
after=$(per_step "$work/after")
awk -v a="$one" -v b="$two" -v c="$after" -v n="$batch" 'BEGIN {
  printf "1 process  × 1 thread : %6.3f s a step, %6.1f samples/s\n", a, n / a
  printf "2 processes × 1 thread: %6.3f s a step, %6.1f samples/s (all-reduce overlapped with backward)\n", b, n / b
  printf "2 processes, no overlap: %6.3f s a step, %6.1f samples/s\n", c, n / c
  printf "speed-up %.2f×, scaling efficiency %.0f%% (no overlap: %.0f%%)\n", a / b, 100 * a / b / 2, 100 * a / c / 2 }'
