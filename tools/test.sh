#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run) on a clean clone:
#   1. set up packages; build everything with warnings as errors (build/)
#   2. build the unit tests and the libFuzzer targets in one clang tree with ASan + UBSan (build-asan/),
#      run the unit tests there, then each fuzz target briefly (tools/fuzz.sh on the same tree)
#   4. score the CLI on the sample corpus (../shared/tools/check_corpus.py; informative)
#   5. run ctest in build/ — last, so the output ends with ctest's summary
# Exit status non-zero when any of 1, 2, 3 or 5 fails.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# ccache: paths below the checkout are hashed relative to it and the build
# directory is not hashed, so any clone of the repository reuses the cache.
export CCACHE_BASEDIR=$ROOT CCACHE_NOHASHDIR=1
JOBS=${JOBS:-2}
failed=()

bash tools/setup.sh || { echo "test: setup failed" >&2; exit 1; }

step() { echo; echo "==== $*"; }

step "build (Release, -Werror)"
cmake -S "$ROOT" -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DXXGK_WERROR=ON >/dev/null &&
  ninja -C build -j"$JOBS" || { echo "test: build failed" >&2; exit 1; }

step "unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (clang; same tree builds the fuzzers)"
# One instrumented tree serves both: -fsanitize=fuzzer-no-link adds the
# coverage the libFuzzer targets need and is inert in the unit tests.
if cmake -S "$ROOT" -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
     -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
     -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link \
     -DXXGK_SANITIZE=ON -DXXGK_BUILD_FUZZ=ON -DXXGK_BUILD_BENCH=OFF >/dev/null; then
  mapfile -t unit < <(ninja -C build-asan -t targets all | sed -n 's/^\([a-z0-9_]*_test\): phony$/\1/p' | grep -v '^cmake_')
  if [[ ${#unit[@]} -eq 0 ]]; then
    echo "no unit test targets"
    failed+=("sanitizer unit tests (none found)")
  elif ninja -C build-asan -j"$JOBS" "${unit[@]}"; then
    if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan -L unit --output-on-failure -j"$JOBS" >build-asan/ctest.log 2>&1; then
      tail -3 build-asan/ctest.log
    else
      tail -60 build-asan/ctest.log
      failed+=("sanitizer unit tests")
    fi
  else
    failed+=("sanitizer build")
  fi
  step "fuzz targets (libFuzzer in build-asan, ${FUZZ_SECONDS:-20}s each)"
  FUZZ_BUILD_DIR=$ROOT/build-asan FUZZ_CONFIGURED=1 bash tools/fuzz.sh || failed+=("fuzzing")
else
  failed+=("sanitizer configure")
fi

step "corpus score"
if [[ -f ../shared/tools/check_corpus.py ]]; then
  /usr/bin/python3 ../shared/tools/check_corpus.py --xxgk build/client/xxgk | tail -15 || true
else
  echo "no ../shared/tools/check_corpus.py beside the repository; skipped"
fi

if [[ ${#failed[@]} -gt 0 ]]; then
  echo; echo "==== FAILED before ctest: ${failed[*]}"
fi
step "ctest (build/)"
ctest --test-dir build --output-on-failure -j"$JOBS"
rc=$?
[[ ${#failed[@]} -eq 0 ]] || exit 1
exit $rc
