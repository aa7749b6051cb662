#!/usr/bin/env bash
# Installs what heapsim needs to build, test and run on Debian 12, if missing
# (clang and libFuzzer for the sanitizer and fuzz builds, deploy/sanitize.sh
# and deploy/fuzz.sh; Chromium, its driver and Selenium for the browser test).
# Idempotent; uses sudo only when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libabsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev prometheus-cpp-dev graphviz
  python3 python3-grpcio python3-grpc-tools
  chromium chromium-driver python3-selenium
  nginx
  clang libfuzzer-14-dev libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: everything is installed"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
