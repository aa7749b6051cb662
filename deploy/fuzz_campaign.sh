#!/usr/bin/env bash
# The long fuzzing campaign: the three libFuzzer targets (ASan+UBSan, preset
# `asan`) run side by side for SECONDS each, from their seeds and the corpus
# earlier runs left in BUILD_DIR/fuzz-corpus/<target>, so that runs add up
# to one campaign. Each run appends one line per target to
# BUILD_DIR/fuzz-out/campaign.tsv (date, target, executions, seconds,
# outcome); the script prints this run's figures and the campaign's totals.
# SIGINT to the fuzzers (pkill -INT -f tests/fuzz/) ends a run early, its
# executions counted.
# A crash, leak, UB report, timeout or out-of-memory (2 GB) fails the run and
# leaves the input in BUILD_DIR/fuzz-out/<target>/. The timeout is per input
# and in wall-clock seconds (libFuzzer's -timeout): on a machine other work
# shares, raise it, so that an input starved of CPU is not taken for a hang.
# Usage: deploy/fuzz_campaign.sh [SECONDS] [BUILD_DIR] [TIMEOUT]
#        (defaults: 3600, build-asan, 10)
# The README records the campaign's figures.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3600}
build=${2:-build-asan}
timeout=${3:-10}
[[ -f $build/CMakeCache.txt ]] || cmake --preset asan
cmake --build "$build" -j "$(nproc)" --target compile_fuzzer run_fuzzer operations_fuzzer fuzz_seeds

targets=(compile_fuzzer run_fuzzer operations_fuzzer)
pids=()
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  out="$build/fuzz-out/$target"
  mkdir -p "$corpus" "$out"
  seeds=()
  [[ -d $build/tests/fuzz/seeds/$target ]] && seeds=("$build/tests/fuzz/seeds/$target")
  (
    began=$(date +%s)
    status=0
    "$build/tests/fuzz/$target" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -max_len=4096 \
      -timeout="$timeout" -rss_limit_mb=2048 -artifact_prefix="$out/" -print_final_stats=1 \
      >"$out/campaign.log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/campaign.log")
    echo "$target ${execs:-0} $(($(date +%s) - began)) $status" >"$out/campaign.result"
  ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

ledger="$build/fuzz-out/campaign.tsv"
failed=0
printf '%-18s %12s %9s %9s  %s\n' target executions seconds exec/s outcome
for target in "${targets[@]}"; do
  read -r _ execs took status <"$build/fuzz-out/$target/campaign.result"
  outcome=clean
  if [[ $status -eq 72 ]]; then
    outcome=interrupted  # libFuzzer's exit on SIGINT: the executions stand
  elif [[ $status -ne 0 ]]; then
    outcome="failed($status)"
    failed=1
  fi
  printf '%s\t%s\t%d\t%d\t%s\n' "$(date -u +%FT%TZ)" "$target" "$execs" "$took" "$outcome" >>"$ledger"
  printf '%-18s %12d %9d %9d  %s\n' "$target" "$execs" "$took" $((execs / (took > 0 ? took : 1))) \
    "$outcome"
done
echo "campaign so far ($ledger):"
awk -F'\t' '{ n[$2] += $3; s[$2] += $4; t += $3; if ($5 != "clean" && $5 != "interrupted") bad++ }
  END { for (k in n) printf "  %-18s %12d executions in %d s\n", k, n[k], s[k];
        printf "  %-18s %12d executions, %d failed runs\n", "total", t, bad }' "$ledger"
exit "$failed"
