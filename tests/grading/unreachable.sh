#!/usr/bin/env bash
# `heapctl grade` with no server: exit 3 and outcome "unreachable" in the JSON.
set -euo pipefail
heapctl=$1 dir=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
set +e
"$heapctl" --server="127.0.0.1:$port" --timeout_s=2 grade --tests="$dir/tests.py" "$dir/correct.py" \
  --results="$out" >/dev/null 2>&1
got=$?
set -e
[[ $got == 3 ]] || { echo "exit $got, want 3" >&2; exit 1; }
grep -q '"outcome": "unreachable"' "$out" || { echo "no unreachable outcome:" >&2; cat "$out" >&2; exit 1; }
