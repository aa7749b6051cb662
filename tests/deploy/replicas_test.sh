#!/usr/bin/env bash
# Scale-out: 3 heapd replicas behind nginx with deploy/nginx.conf on
# loopback. 100 sessions are made through nginx and each runs a short heap
# script; every session must live on exactly one replica. Then one replica
# is killed: its sessions fail with a clear error, all others keep working.
# Usage: replicas_test.sh SOURCE_DIR HEAPD HEAPCTL   (exit 77: no nginx)
set -euo pipefail
source_dir=$1 heapd=$2 heapctl=$3
nginx=$(command -v nginx || true)
[[ -x /usr/sbin/nginx ]] && nginx=/usr/sbin/nginx
if [[ -z $nginx ]]; then
  echo "nginx is not installed: skipped"
  exit 77
fi
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  [[ -f $work/nginx.pid ]] && kill -TERM "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 0.2
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

ports=()
for n in 1 2 3; do
  port=$(free_port)
  ports+=("$port")
  "$heapd" --listen="127.0.0.1:$port" >"$work/heapd-$n.log" 2>&1 &
  pids+=($!)
done
front=$(free_port)
sed -e "s|server heapd-1:50051;|server 127.0.0.1:${ports[0]};|" \
    -e "s|server heapd-2:50051;|server 127.0.0.1:${ports[1]};|" \
    -e "s|server heapd-3:50051;|server 127.0.0.1:${ports[2]};|" \
    -e "s|listen 50051 http2;|listen 127.0.0.1:$front http2;|" \
    -e "s|pid /tmp/heapsim-nginx.pid;|pid $work/nginx.pid;|" \
    -e "s|client_body_temp_path /tmp/heapsim-nginx-body;|client_body_temp_path $work/body;|" \
    -e "s|worker_processes auto;|worker_processes 2;|" \
    "$source_dir/deploy/nginx.conf" >"$work/nginx.conf"
"$nginx" -p "$work" -c "$work/nginx.conf" -e stderr -g 'daemon off;' 2>"$work/nginx.log" &
nginx_pid=$!
export HEAPSIM_SERVER="127.0.0.1:$front"
for _ in $(seq 100); do "$heapctl" health >/dev/null 2>&1 && break; sleep 0.1; done
"$heapctl" health >/dev/null || { echo "nginx/heapd not serving"; cat "$work"/*.log; exit 1; }

printf 'import sys\nx = [1, 2, 3]\nprint(sys.getsizeof(x), len(x))\n' >"$work/script.py"
sessions=100
for i in $(seq $sessions); do
  HEAPSIM_STATE="$work/state-$i" "$heapctl" session create --id="s$i" --profile=3.11 >/dev/null
  out=$(HEAPSIM_STATE="$work/state-$i" "$heapctl" run --in_session "$work/script.py")
  [[ $out == "88 3" ]] || { echo "session s$i printed '$out'"; exit 1; }
done

# Every session lives on exactly one replica, and all replicas hold some.
declare -A home
for n in 1 2 3; do
  count=0
  for i in $(seq $sessions); do
    if grep -q "session sessions/s$i created" "$work/heapd-$n.log"; then
      [[ -z ${home[$i]:-} ]] || { echo "session s$i on replicas ${home[$i]} and $n"; exit 1; }
      home[$i]=$n
      count=$((count + 1))
    fi
  done
  echo "replica $n holds $count sessions"
  ((count > 0)) || { echo "replica $n got no sessions"; exit 1; }
done
for i in $(seq $sessions); do [[ -n ${home[$i]:-} ]] || { echo "session s$i is nowhere"; exit 1; }; done

# Lose replica 1.
{ kill -KILL "${pids[0]}" && wait "${pids[0]}"; } 2>/dev/null || true
pids=("${pids[@]:1}")
lost=0 kept=0
for i in $(seq $sessions); do
  set +e
  out=$(HEAPSIM_STATE="$work/state-$i" "$heapctl" --timeout_s=5 run --in_session "$work/script.py" 2>&1)
  code=$?
  set -e
  if [[ ${home[$i]} == 1 ]]; then
    ((code != 0)) || { echo "session s$i survived its replica: $out"; exit 1; }
    [[ $out == *"not on this replica"* || $out == *"nreachable"* || $out == *"cannot reach"* ]] ||
      { echo "session s$i failed unclearly: $out"; exit 1; }
    lost=$((lost + 1))
    example=${example:-$out}
  else
    [[ $code == 0 && $out == "88 3" ]] || { echo "session s$i broke: $out"; exit 1; }
    kept=$((kept + 1))
  fi
done
echo "after losing replica 1: $lost sessions failed clearly, $kept kept working"
echo "a lost session's error: $example"
kill -TERM "$nginx_pid"
