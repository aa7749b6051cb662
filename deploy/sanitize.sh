#!/usr/bin/env bash
# Builds and tests under the sanitizers (CMake presets): every test under
# ASan+UBSan in build-asan/ (but those labelled sanitizer-slow or
# sanitizer-covered), then the concurrency tests (label `tsan`) under TSan
# in build-tsan/.
# Usage: deploy/sanitize.sh [asan|tsan]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
presets=("$@")
((${#presets[@]} > 0)) || presets=(asan tsan)
for preset in "${presets[@]}"; do
  start=$(date +%s)
  cmake --preset "$preset"
  cmake --build --preset "$preset" -j "$(nproc)"
  ctest --preset "$preset" -j "$(nproc)"
  echo "sanitize: $preset took $(($(date +%s) - start)) s"
done
