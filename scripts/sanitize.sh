#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds GenLab with a sanitizer (CMakePresets.json, clang) and runs the tests under it.
#   scripts/sanitize.sh asan [CTEST ARGS...]   AddressSanitizer + UBSan, the whole suite (build-asan/)
#   scripts/sanitize.sh tsan [CTEST ARGS...]   ThreadSanitizer, the tests that start threads (build-tsan/)
# Any report fails its test (halt_on_error; UBSan is built with -fno-sanitize-recover).
# Environment: GENLAB_BUILD_JOBS (compile jobs, default nproc), GENLAB_TEST_JOBS (tests at once,
# default 1: instrumented tests are slow and big), GENLAB_TEST_TIMEOUT (seconds per test, default 3600).
# tsan builds only genlab-cli and the tests it runs (about 10 minutes with one job).
# A TSan report names both threads' stacks; fuzz/tsan.supp says what is suppressed and why, and
# fuzz/tsan_qt.cpp how TSan is told about Qt's thread hand-offs (Qt itself is not instrumented).
# A leak report whose stack stops inside Qt (no frame pointers there): rerun that test with
# ASAN_OPTIONS=fast_unwind_on_malloc=0:malloc_context_size=30 for the whole stack (slow).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-}
case $preset in
  asan|tsan) shift ;;
  *) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
build=$root/build-$preset
say() { printf '\033[1m[sanitize %s]\033[0m %s\n' "$preset" "$*" >&2; }

# The tests that start threads of their own: TrainingController and the worker (tst_pythoninterop
# and tst_families train through them too, and run genlab-cli and python3 as child processes),
# ReverseSampler, the window's pages (QThreadPool, QImage's pool).
tsan_tests=(tst_trainingcontroller tst_reversesampler tst_mainwindow tst_families tst_pythoninterop)
targets=()
if [ "$preset" = tsan ]; then
  targets=(--target genlab-cli "${tsan_tests[@]}")
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  (cd "$root" && cmake --preset "$preset")
fi
say "building (the first build takes 20-40 minutes on two cores)"
cmake --build "$build" --parallel "${GENLAB_BUILD_JOBS:-$(nproc)}" ${targets[@]+"${targets[@]}"}

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
    # libgomp is not built with TSan. OMP_NUM_THREADS=1 keeps its workers away where nothing asks
    # for more; the tests ask LibTorch for 2 threads (TrainingSettings::threads), and what those
    # workers do is left out by fuzz/tsan.supp (called_from_lib: libgomp, libtorch_cpu, libdnnl).
    # OMP_THREAD_LIMIT=1 cannot be used: OpenBLAS's threaded GEMM then spins forever.
    export OMP_NUM_THREADS=1
    export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp}
    ctest_args+=(-R "^($(IFS='|'; echo "${tsan_tests[*]}"))\$")
    ;;
esac
say "ctest ${ctest_args[*]} $*"
ctest "${ctest_args[@]}" "$@"
