#!/usr/bin/env bash
# The tutorial's "Dynamic growth" loop (1,000,000 appends of fresh ints to
# one list) timed in CPython 3.11, beside the same loop simulated by the
# engine (heap_bench's BM_DynamicGrowthEngine and BM_DynamicGrowthScript)
# when the benchmark is built.
# Usage: deploy/bench-python.sh [BUILD_DIR]      (default: build)
#   PYTHON311=/path/to/python3.11 picks the interpreter; otherwise pyenv's
#   3.11.7, then python3.11 on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

python=${PYTHON311:-}
if [[ -z $python ]]; then
  if command -v pyenv >/dev/null && [[ -x "$(pyenv root)/versions/3.11.7/bin/python" ]]; then
    python="$(pyenv root)/versions/3.11.7/bin/python"
  elif command -v python3.11 >/dev/null; then
    python=$(command -v python3.11)
  else
    echo "bench-python: no python3.11 found (set PYTHON311=/path/to/python3.11)" >&2
    exit 1
  fi
fi

# Best of 5 runs, each in a new interpreter: the loop alone (perf_counter
# around it) and the whole process (start-up and teardown included).
cpython=$("$python" - <<'EOF'
import subprocess, sys, time
loop = """
import time
t0 = time.perf_counter()
data = []
for i in range(1000000):
    data.append(i)
t1 = time.perf_counter()
print(t1 - t0)
"""
best_loop = best_proc = float("inf")
for _ in range(5):
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", loop], check=True, capture_output=True, text=True).stdout
    best_proc = min(best_proc, time.perf_counter() - start)
    best_loop = min(best_loop, float(out))
print(f"{best_loop * 1000:.1f} {best_proc * 1000:.1f} {sys.version.split()[0]}")
EOF
)
read -r loop_ms proc_ms version <<<"$cpython"
echo "CPython $version ($python), 1,000,000 appends: loop ${loop_ms} ms, whole process ${proc_ms} ms (best of 5)"

bench="$build/tests/bench/heap_bench"
if [[ ! -x $bench ]]; then
  echo "bench-python: $bench is not built (cmake --build $build --target heap_bench): no heapsim figures"
  exit 0
fi
json=$("$bench" --benchmark_filter='BM_DynamicGrowth' --benchmark_repetitions=3 \
         --benchmark_report_aggregates_only=true --benchmark_format=json 2>/dev/null)
LOOP_MS=$loop_ms python3 -c '
import json, os, sys
loop_ms = float(os.environ["LOOP_MS"])
for b in json.load(sys.stdin)["benchmarks"]:
    if b.get("aggregate_name") != "median":
        continue
    ms = b["real_time"] if b["time_unit"] == "ms" else b["real_time"] / 1e6
    name = b["run_name"]
    print(f"heapsim {name}: {ms:.1f} ms (median of 3), {ms / loop_ms:.2f}x CPython'"'"'s loop")
' <<<"$json"
echo "(heap_bench runs these two in a fresh process, where glibc maps each outgrown buffer anew;"
echo " after other work, as in a running heapd, the engine loop is faster: see $bench's full run)"
