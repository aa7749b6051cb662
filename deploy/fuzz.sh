#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time from its seeds (the scenario
# scripts) and its corpus, building them first (CMake preset `asan`: clang,
# ASan+UBSan, in build-asan/).
# Usage: deploy/fuzz.sh [SECONDS_PER_TARGET] [BUILD_DIR] [EXTRA LIBFUZZER FLAGS...]
#   (defaults: 60, build-asan)
# A crash, leak, UB report, timeout (10 s) or out-of-memory (2 GB) fails the
# run; the input that caused it is left in BUILD_DIR/fuzz-out/<target>/, and
# each target's log in BUILD_DIR/fuzz-out/<target>/log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${2:-build-asan}
shift $(($# < 2 ? $# : 2))
deploy/install-deps.sh >/dev/null
if [[ ! -f $build/CMakeCache.txt ]]; then
  if [[ $build == build-asan ]]; then
    cmake --preset asan
  else
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DHEAPSIM_FUZZ=ON -DHEAPSIM_BUILD_TESTS=OFF
  fi
fi
cmake --build "$build" -j "$(nproc)" --target compile_fuzzer run_fuzzer operations_fuzzer fuzz_seeds
for target in compile_fuzzer run_fuzzer operations_fuzzer; do
  corpus="$build/fuzz-corpus/$target"
  out="$build/fuzz-out/$target"
  mkdir -p "$corpus" "$out"
  seeds=()
  [[ -d $build/tests/fuzz/seeds/$target ]] && seeds=("$build/tests/fuzz/seeds/$target")
  echo "fuzz: $target for ${seconds} s"
  status=0
  "$build/tests/fuzz/$target" "$corpus" "${seeds[@]}" -max_total_time="$seconds" \
    -max_len=4096 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$out/" -print_final_stats=1 \
    "$@" >"$out/log" 2>&1 || status=$?
  grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|ERROR|SUMMARY|Test unit written" \
    "$out/log" || tail -n 20 "$out/log"
  if [[ $status -ne 0 ]]; then
    echo "fuzz: $target failed ($status); see $out" >&2
    exit "$status"
  fi
done
