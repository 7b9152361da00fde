#!/usr/bin/env bash
# Builds every fuzz/*_fuzzer.cc with clang (libFuzzer + ASan + UBSan, the
# whole project instrumented) into build-fuzz/ and runs each for a bounded
# time. FUZZ_SECONDS (default 20) per target. FUZZ_BUILD_DIR names another
# tree; with FUZZ_CONFIGURED=1 that tree is used as configured (tools/test.sh
# builds its sanitizer unit tests and the fuzzers in one clang tree). Exit
# non-zero when a target fails to build or finds a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-20}

shopt -s nullglob
srcs=(fuzz/*_fuzzer.cc)
if [[ ${#srcs[@]} -eq 0 ]]; then
  echo "fuzz: no fuzz targets in fuzz/"
  exit 0
fi
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (tools/setup.sh installs it)" >&2
  exit 1
fi

export CCACHE_BASEDIR=$ROOT CCACHE_NOHASHDIR=1
if [[ "${FUZZ_CONFIGURED:-0}" != 1 ]]; then
  SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_C_FLAGS="$SAN" -DCMAKE_CXX_FLAGS="$SAN" \
    -DXXGK_BUILD_FUZZ=ON -DXXGK_BUILD_TESTS=OFF -DXXGK_BUILD_BENCH=OFF >/dev/null
fi

targets=()
for s in "${srcs[@]}"; do targets+=("$(basename "$s" .cc)"); done
ninja -C "$BUILD" -j2 "${targets[@]}"

mkdir -p "$BUILD/artifacts"
status=0
for t in "${targets[@]}"; do
  work=$(mktemp -d)
  seeds=()
  [[ -d fuzz/corpus/$t ]] && seeds=("fuzz/corpus/$t")
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s"
  if ! "$BUILD/fuzz/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$BUILD/artifacts/$t-" -print_final_stats=0 \
      "$work" "${seeds[@]}" >"$BUILD/$t.log" 2>&1; then
    echo "fuzz: $t FAILED (log: $BUILD/$t.log)" >&2
    tail -40 "$BUILD/$t.log" >&2
    status=1
  else
    echo "fuzz: $t ok ($(grep -Eo 'Done [0-9]+ runs' "$BUILD/$t.log" | tail -1 || echo 'done'))"
  fi
  rm -rf "$work"
done
exit $status
