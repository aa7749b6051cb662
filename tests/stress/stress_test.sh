#!/usr/bin/env bash
# Load and fault tests against a heapd of their own:
#   stress_test.sh HEAPD HEAPSIM_STRESS HEAPCTL short|full
# 1. the mixed load (short: 16 clients x 300 calls; full: 64 x 10,000), then
#    every live session's consistency check;
# 2. a client that disconnects mid-Exec: cancelled by gRPC (heapsim_stress
#    disconnect) and killed outright (heapctl run, SIGKILL); either way the
#    script must stop on the server, freeing its session within 2 s;
# 3. WatchStats readers that stop reading (heapsim_stress slow_watchers);
# 4. SIGTERM with calls in flight (heapsim_stress drain): every in-flight
#    call ends within 5 s, new calls are refused, and heapd exits 0 within
#    6 s more, having logged its clean stop.
set -euo pipefail
heapd=$1 stress=$2 heapctl=$3 size=$4
work=$(mktemp -d)
heapd_pid=""
cleanup() {
  if [[ -n $heapd_pid ]] && kill -0 "$heapd_pid" 2>/dev/null; then kill -KILL "$heapd_pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server="127.0.0.1:$port"
"$heapd" --listen="$server" >"$work/heapd.log" 2>&1 &
heapd_pid=$!
for _ in $(seq 200); do
  grep -q "listening" "$work/heapd.log" && break
  sleep 0.05
done
grep -q "listening" "$work/heapd.log" || { echo "heapd did not start" >&2; cat "$work/heapd.log" >&2; exit 1; }

echo "== mixed load"
if [[ $size == full ]]; then
  "$stress" --server="$server" --clients=64 --operations=10000 load
else
  "$stress" --server="$server" --clients=16 --operations=300 load
fi

echo "== disconnect mid-Exec (gRPC cancellation)"
"$stress" --server="$server" --heapd_pid="$heapd_pid" disconnect

echo "== disconnect mid-Exec (heapctl killed)"
export HEAPSIM_SERVER=$server HEAPSIM_STATE=$work/session
"$heapctl" session create --profile=3.12 >/dev/null
printf 'n = 0\nwhile True:\n    n += 1\n' >"$work/endless.py"
"$heapctl" run --in_session "$work/endless.py" >/dev/null 2>&1 &
client=$!
sleep 0.7
kill -KILL "$client"
wait "$client" 2>/dev/null || true
start=$(date +%s%N)
timeout 10 "$heapctl" check
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
echo "the session answered ${elapsed_ms} ms after its client was killed"
if ((elapsed_ms > 2000)); then echo "FAIL: the script outlived its client" >&2; exit 1; fi

echo "== slow WatchStats readers"
"$stress" --server="$server" --heapd_pid="$heapd_pid" \
  --rss_growth_mib="${HEAPSIM_STRESS_RSS_GROWTH_MIB:-8}" slow_watchers

echo "== SIGTERM with calls in flight"
"$stress" --server="$server" --heapd_pid="$heapd_pid" drain
start=$(date +%s%N)
status=0
for _ in $(seq 120); do
  kill -0 "$heapd_pid" 2>/dev/null || break
  sleep 0.05
done
if kill -0 "$heapd_pid" 2>/dev/null; then echo "FAIL: heapd did not exit within 6 s of the drain" >&2; exit 1; fi
wait "$heapd_pid" || status=$?
heapd_pid=""
echo "heapd exited with status $status"
grep -q "stopped" "$work/heapd.log" || { echo "FAIL: heapd did not log its clean stop" >&2; exit 1; }
exit "$status"
