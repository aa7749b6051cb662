#!/usr/bin/env bash
# ctest fixture: `heapd_fixture.sh start HEAPD STATE_DIR` starts heapd on a
# free loopback port and records it; `heapd_fixture.sh stop STATE_DIR` stops
# it with SIGTERM and fails if heapd did not exit cleanly.
set -euo pipefail
case "$1" in
  start)
    heapd=$2 dir=$3
    mkdir -p "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$heapd" --listen="127.0.0.1:$port" >"$dir/heapd.log" 2>&1 &
    echo $! >"$dir/pid"
    echo "127.0.0.1:$port" >"$dir/server"
    for _ in $(seq 100); do
      if grep -q "listening" "$dir/heapd.log"; then exit 0; fi
      sleep 0.05
    done
    echo "heapd did not start:" >&2
    cat "$dir/heapd.log" >&2
    exit 1
    ;;
  stop)
    dir=$2
    pid=$(cat "$dir/pid")
    kill -TERM "$pid"
    for _ in $(seq 100); do
      if ! kill -0 "$pid" 2>/dev/null; then
        grep -q "stopped" "$dir/heapd.log" && exit 0
        echo "heapd ended without stopping cleanly" >&2
        exit 1
      fi
      sleep 0.05
    done
    echo "heapd did not stop on SIGTERM" >&2
    exit 1
    ;;
esac
