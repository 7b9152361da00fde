#!/usr/bin/env bash
# Installs the Debian 12 packages xxgk needs to build, run and test.
# Idempotent and quiet: only missing packages are installed.
# Other parts of the project append what they need to PACKAGES.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build pkg-config ccache
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev libicu-dev prometheus-cpp-dev libre2-dev libpoppler-cpp-dev
  libgumbo-dev libzip-dev libxml2-dev libopencc-dev opencc libgoogle-perftools-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3-grpcio python3-protobuf poppler-utils
  # run: Adobe's CJK character maps, without which poppler reads no text set
  # in the standard Chinese fonts (STSong-Light with UniGB-UCS2-H, GBK-EUC-H)
  poppler-data
  # tests
  libreoffice-writer-nogui fonts-noto-cjk prometheus nodejs npm yamllint python3-yaml
  clang libclang-rt-14-dev openssl chromium
)

# A package whose command is already provided otherwise (e.g. npm bundled in
# NodeSource's nodejs, which conflicts with Debian's npm) counts as present.
declare -A PROVIDED_BY_COMMAND=([npm]=npm)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "installed" ]] && continue
  cmd=${PROVIDED_BY_COMMAND[$p]:-}
  [[ -n "$cmd" ]] && command -v "$cmd" >/dev/null 2>&1 && continue
  missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
