#!/usr/bin/env bash
# The main job on the embedded default rule sets: set up, build xxgk, and
# validate the sample reports, printing the findings as compiler-style text.
#   bash tools/run.sh [FILE...]     (default: ../shared/corpus/seeds and the
#                                    structured sample in tests/client/testdata)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD_DIR:-$ROOT/build}

bash tools/setup.sh
export CCACHE_BASEDIR=$ROOT
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" >/dev/null
ninja -C "$BUILD" -j2 xxgk

inputs=("$@")
if [[ ${#inputs[@]} -eq 0 ]]; then
  [[ -d ../shared/corpus/seeds ]] && inputs+=(../shared/corpus/seeds)
  inputs+=(tests/client/testdata/report_2021_t3_wrong.textproto)
fi
echo "== xxgk validate ${inputs[*]}"
set +e
"$BUILD/client/xxgk" validate --output=text "${inputs[@]}"
rc=$?
set -e
case $rc in
  0) echo "== done: no ERROR findings" ;;
  1) echo "== done: ERROR findings reported (exit 1)" ;;
  *) echo "== xxgk exited $rc (2: an input could not be read; 3: server unreachable)"; exit $rc ;;
esac
