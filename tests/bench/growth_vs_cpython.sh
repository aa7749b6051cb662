#!/usr/bin/env bash
# Times the tutorial's "Dynamic growth" loop (1,000,000 appends) run by
# `heapctl run` against heapd, beside python3.11 running the same file.
# Usage: tests/bench/growth_vs_cpython.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
script=tests/scenarios/tutorial_dynamic_growth.py
python=${PYTHON311:-}
if [[ -z $python ]]; then
  if command -v pyenv >/dev/null && [[ -x "$(pyenv root)/versions/3.11.7/bin/python" ]]; then
    python="$(pyenv root)/versions/3.11.7/bin/python"
  else
    python=$(command -v python3.11 || true)
  fi
fi
[[ -n $python ]] || { echo "no python3.11 found (set PYTHON311)" >&2; exit 1; }
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$build/heapd" --listen="127.0.0.1:$port" 2>/dev/null &
pid=$!
trap 'kill -TERM $pid' EXIT
export HEAPSIM_SERVER="127.0.0.1:$port"
for _ in $(seq 50); do "$build/heapctl" health >/dev/null 2>&1 && break; sleep 0.1; done
best() {  # best of 5 wall-clock runs, in seconds
  local best=999
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    best=$(python3 -c "print(min($best, $end - $start))")
  done
  echo "$best"
}
heapsim=$(best "$build/heapctl" run --profile=3.11 "$script")
cpython=$(best "$python" "$script")
python3 -c "print(f'heapctl run: {$heapsim:.3f} s   python3.11: {$cpython:.3f} s   ratio {$heapsim / $cpython:.2f}')"
