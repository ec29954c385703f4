#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the libFuzzer targets of fuzz/ (built by the asan preset: ASan + UBSan) for a while each.
#   scripts/fuzz.sh [-j N] [SECONDS_PER_TARGET] [TARGET...]
#     SECONDS_PER_TARGET  default 60
#     TARGET              default: every target (fuzz_safetensors fuzz_idx fuzz_idx_gz fuzz_npm_json
#                         fuzz_run fuzz_image)
#     -j N                run N targets at once (default 1; each one takes a core)
# Seeds come from tests/fuzz/corpus/<target>/ and are never written; inputs that find new coverage
# are kept in build-asan/fuzz-corpus/<target>/, crashes in build-asan/fuzz-artifacts/<target>/,
# logs in build-asan/fuzz-logs/<target>.log. Exits 1 when a target crashed.
# Environment: GENLAB_BUILD_JOBS (compile jobs, default nproc), FUZZ_ARGS (extra libFuzzer flags).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build-asan
all=(fuzz_safetensors fuzz_idx fuzz_idx_gz fuzz_npm_json fuzz_run fuzz_image)
jobs=1
seconds=60
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    -j) jobs=$2; shift 2 ;;
    -j*) jobs=${1#-j}; shift ;;
    -h|--help) sed -n '3,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *[!0-9]*) targets+=("$1"); shift ;;
    *) seconds=$1; shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target $t (${all[*]})" >&2; exit 2; }
done

say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*" >&2; }

# 1. Build what is missing (the first build of the preset takes a while: everything gets ASan).
if [ ! -f "$build/CMakeCache.txt" ]; then
  (cd "$root" && cmake --preset asan)
fi
cmake --build "$build" --parallel "${GENLAB_BUILD_JOBS:-$(nproc)}" --target "${targets[@]}"

# 2. Run.
mkdir -p "$build/fuzz-logs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-print_stacktrace=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/fuzz/lsan.supp:print_suppressions=0}
export OMP_NUM_THREADS=1 QT_QPA_PLATFORM=offscreen

run_target() {
  local t=$1 corpus=$build/fuzz-corpus/$1 artifacts=$build/fuzz-artifacts/$1/
  local log=$build/fuzz-logs/$1.log
  mkdir -p "$corpus" "$artifacts"
  local extra=()
  [ -f "$root/fuzz/$t.dict" ] && extra+=(-dict="$root/fuzz/$t.dict")
  # New inputs go to the first folder; the seeds are only read.
  # shellcheck disable=SC2086
  "$build/fuzz/$t" "$corpus" "$root/tests/fuzz/corpus/$t" \
    -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=4096 -timeout=30 \
    -artifact_prefix="$artifacts" "${extra[@]}" ${FUZZ_ARGS:-} >"$log" 2>&1
}

started=$(date +%s)
say "${#targets[@]} target(s), ${seconds} s each, $jobs at once; logs in ${build#"$root"/}/fuzz-logs/"
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
  say "$t"
  ( rc=0; run_target "$t" || rc=$?; echo "$rc" >"$build/fuzz-logs/$t.rc" ) &
  running=$((running + 1))
done
wait

# 3. Summary: one line per target, from libFuzzer's final stats.
printf '\n%-18s %12s %9s %7s %7s %8s  %s\n' target executions exec/s cov ft corpus result
crashed=0
for t in "${targets[@]}"; do
  log=$build/fuzz-logs/$t.log
  rc=$(cat "$build/fuzz-logs/$t.rc" 2>/dev/null || echo '?')
  execs=$(awk '/stat::number_of_executed_units/{print $2}' "$log" | tail -1)
  rate=$(awk '/stat::average_exec_per_sec/{print $2}' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | awk '{print $2}')
  corp=$(grep -oE 'corp: [0-9]+/[0-9]+[bKM]*' "$log" | tail -1 | awk '{print $2}')
  found=$(find "$build/fuzz-artifacts/$t" -type f -newermt "@$started" 2>/dev/null | sort)
  if [ "$rc" = 0 ] && [ -z "$found" ]; then result=ok; else result="FAILED (exit $rc)"; crashed=1; fi
  printf '%-18s %12s %9s %7s %7s %8s  %s\n' "$t" "${execs:--}" "${rate:--}" "${cov:--}" "${ft:--}" "${corp:--}" "$result"
  if [ -n "$found" ]; then
    while read -r f; do printf '    artifact %s\n' "${f#"$root"/}"; done <<<"$found"
    grep -m1 -E '^==[0-9]+==ERROR|runtime error|^SUMMARY' "$log" | sed 's/^/    /' || true
    printf '    log %s\n' "${log#"$root"/}"
  fi
done
exit $crashed
