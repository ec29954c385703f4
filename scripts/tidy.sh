#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clang-tidy with the project's .clang-tidy over the sources that do not include LibTorch (its
# headers take clang-tidy minutes per file): widgets/, app/gui/, app/datasets/, docs/. Zero
# findings is the rule; a finding fails the script.
#   scripts/tidy.sh [build dir]        (needs build/compile_commands.json: configure first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[ -f "$build/compile_commands.json" ] || { echo "no $build/compile_commands.json: configure the build first" >&2; exit 2; }
tidy=$(command -v clang-tidy || command -v clang-tidy-14) || { echo "clang-tidy is not installed (apt install clang-tidy)" >&2; exit 2; }
cd "$root"
files=$(git ls-files 'widgets/*.cpp' 'app/gui/*.cpp' 'app/datasets/*.cpp' 'docs/*.cpp')
start=$(date +%s)
# GCC's options clang does not know are ignored; Qt's moc output is not ours.
# (clang-tidy exits non-zero on a finding: the log decides, not the exit code.)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
printf '%s\n' $files | xargs -P "$(nproc)" -n 4 "$tidy" -p "$build" --quiet \
  --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-ignored-optimization-argument >"$log" 2>&1 || true
grep -v "warnings generated\|^Suppressed\|Use -header-filter\|Use -system-headers\|^[0-9]* warnings\? treated as errors\|^Error while processing" "$log" || true
if grep -q "warning:\|error:" "$log"; then
  echo "clang-tidy: $(grep -c "warning:\|error:" "$log") findings" >&2
  exit 1
fi
echo "clang-tidy: $(echo $files | wc -w) files, no findings ($(( $(date +%s) - start )) s)"
