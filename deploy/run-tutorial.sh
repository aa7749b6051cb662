#!/usr/bin/env bash
# Installs what is missing, builds heapsim, starts heapd on a free loopback
# port and drives the tutorial through heapctl: the aliasing example step by
# step in a session, then the tutorial's programs as heap scripts. Run from
# a terminal, it then keeps heapd serving the viewer at
# http://127.0.0.1:8080/ until Enter is pressed.
# Usage: deploy/run-tutorial.sh [PROFILE]   (default: 3.11)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-3.11}
deploy/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target heapd heapctl

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
build/heapd --listen="127.0.0.1:$port" &
heapd_pid=$!
trap 'kill -TERM "$heapd_pid" 2>/dev/null; wait "$heapd_pid" 2>/dev/null || true' EXIT
export HEAPSIM_SERVER="127.0.0.1:$port"
export HEAPSIM_STATE
HEAPSIM_STATE=$(mktemp)
for _ in $(seq 50); do build/heapctl health >/dev/null 2>&1 && break; sleep 0.1; done

step() { echo; echo "\$ heapctl $*"; build/heapctl "$@"; }
echo "== Aliasing, one call at a time (CPython $profile)"
step session create --profile="$profile"
step alloc '[1, 2, 3]' --as=list1
step bind list2 list1
step inspect list2
step mutate list1 append 4
step inspect list2
step del list1
step stats

for script in tutorial_aliasing tutorial_exercise1_sizes tutorial_exercise2_reuse \
              tutorial_exercise3_fragmentation tutorial_dynamic_growth; do
  echo
  echo "== heapctl run --profile=$profile tests/scenarios/$script.py"
  build/heapctl run --profile="$profile" "tests/scenarios/$script.py"
done

if [[ -t 0 ]]; then
  echo
  echo "== The viewer: open http://127.0.0.1:8080/ (the aliasing example is drawn there;"
  echo "   Run, step, Compare two profiles, Export SVG). Press Enter to stop heapd."
  read -r _
fi
