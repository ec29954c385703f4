#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds GenLab with a sanitizer (CMakePresets.json, clang) and runs the tests under it.
#   scripts/sanitize.sh asan [CTEST ARGS...]   AddressSanitizer + UBSan, the whole suite (build-asan/)
#   scripts/sanitize.sh tsan [CTEST ARGS...]   ThreadSanitizer, the tests that start threads (build-tsan/)
# Any report fails its test (halt_on_error; UBSan is built with -fno-sanitize-recover).
# Environment: GENLAB_BUILD_JOBS (compile jobs, default nproc), GENLAB_TEST_JOBS (tests at once,
# default 1: instrumented tests are slow and big), GENLAB_TEST_TIMEOUT (seconds per test, default 3600).
# A leak report whose stack stops inside Qt (no frame pointers there): rerun that test with
# ASAN_OPTIONS=fast_unwind_on_malloc=0:malloc_context_size=30 for the whole stack (slow).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-}
case $preset in
  asan|tsan) shift ;;
  *) sed -n '3,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
build=$root/build-$preset
say() { printf '\033[1m[sanitize %s]\033[0m %s\n' "$preset" "$*" >&2; }

if [ ! -f "$build/CMakeCache.txt" ]; then
  (cd "$root" && cmake --preset "$preset")
fi
say "building (the first build takes 20-40 minutes on two cores)"
cmake --build "$build" --parallel "${GENLAB_BUILD_JOBS:-$(nproc)}"

supp=$root/fuzz
ctest_args=(--test-dir "$build" --output-on-failure --timeout "${GENLAB_TEST_TIMEOUT:-3600}"
            -j "${GENLAB_TEST_JOBS:-1}")
case $preset in
  asan)
    export ASAN_OPTIONS=${ASAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$supp/lsan.supp:print_suppressions=0}
    ;;
  tsan)
    # libgomp is not built with TSan: its barriers look like races. One OpenMP thread avoids them;
    # the threads under test are ours (QThread, std::thread).
    export OMP_NUM_THREADS=1
    export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp}
    # The tests that start a worker thread: TrainingController (tst_pythoninterop trains through it
    # too), ReverseSampler, the window's pages. genlab-cli trains on its main thread.
    ctest_args+=(-R '^(tst_trainingcontroller|tst_reversesampler|tst_mainwindow|tst_families|tst_pythoninterop)$')
    ;;
esac
say "ctest ${ctest_args[*]} $*"
ctest "${ctest_args[@]}" "$@"
