#!/usr/bin/env bash
# Builds the Docker image offline with buildah and checks it: a Debian 12
# base made by `debootstrap --variant=minbase bookworm` and brought in with
# `buildah from scratch` + mount + copy + commit; deploy/Dockerfile built on
# it with `buildah bud --storage-driver vfs --isolation chroot`; then the
# image's own command started with `buildah run --isolation chroot` (which
# shares the host's network) and checked over loopback: the image's
# HEALTHCHECK command says SERVING, heapd runs as a non-root user, heapctl
# from the image runs a heap script, and heapd stops cleanly on SIGTERM.
# Needs root, buildah and debootstrap (exit 77, skipped, without them) and
# a Debian mirror for debootstrap and apt; takes a few minutes.
# Usage: deploy/buildah-check.sh [WORK_DIR]
#   WORK_DIR keeps the debootstrap tree and buildah's storage between runs
#   (the base image is made only once); default: a new temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "buildah-check: $*"; }
fail() { echo "buildah-check: FAIL: $*" >&2; exit 1; }
if [[ $(id -u) -ne 0 ]]; then
  say "needs root (buildah with vfs storage and chroot isolation): skipped"
  exit 77
fi
for tool in buildah debootstrap python3; do
  command -v "$tool" >/dev/null || { say "needs $tool (apt-get install buildah debootstrap): skipped"; exit 77; }
done

if [[ -n ${1:-} ]]; then
  work=$1
  temporary=""
else
  work=$(mktemp -d)
  temporary=$work
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)
storage=(--storage-driver vfs --root "$work/storage" --runroot "$work/run")
base=localhost/heapsim-base:bookworm
image=localhost/heapsim:latest
containers=()
run_pid=""
cleanup() {
  if [[ -n $run_pid ]]; then
    local pid
    for pid in $(descendants "$run_pid") "$run_pid"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait "$run_pid" 2>/dev/null || true
  fi
  for c in "${containers[@]}"; do buildah "${storage[@]}" rm "$c" >/dev/null 2>&1 || true; done
  if [[ -n $temporary ]]; then
    buildah "${storage[@]}" rmi --all --force >/dev/null 2>&1 || true
    rm -rf "$temporary"
  fi
}
trap cleanup EXIT
descendants() {  # every process below PID
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_free() { python3 -c "import socket,sys; s = socket.socket(); s.bind(('0.0.0.0', $1))" 2>/dev/null; }
started=$SECONDS

# 1. The base image, once per WORK_DIR.
if ! buildah "${storage[@]}" inspect --type image "$base" >/dev/null 2>&1; then
  say "debootstrap --variant=minbase bookworm (log: $work/debootstrap.log)"
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase bookworm "$work/rootfs" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
  container=$(buildah "${storage[@]}" from scratch)
  containers+=("$container")
  mount=$(buildah "${storage[@]}" mount "$container")
  cp -a "$work/rootfs/." "$mount/"
  buildah "${storage[@]}" umount "$container" >/dev/null
  buildah "${storage[@]}" commit --quiet "$container" "$base" >/dev/null
  say "base image $base made"
fi

# 2. The image, in Docker's format so that the HEALTHCHECK is kept.
say "buildah bud -f deploy/Dockerfile -t $image (log: $work/bud.log)"
buildah "${storage[@]}" bud --isolation chroot --format docker --layers=false \
  --build-arg BASE="$base" -f deploy/Dockerfile -t "$image" . >"$work/bud.log" 2>&1 ||
  { tail -30 "$work/bud.log" >&2; fail "the image did not build"; }
buildah "${storage[@]}" inspect --type image "$image" >"$work/image.json"
read_config() {  # read_config KEY: a field of the image's Docker config, as JSON
  python3 -c 'import json, sys; c = json.load(open(sys.argv[1]))["Docker"]["config"]; print(json.dumps(c.get(sys.argv[2])))' \
    "$work/image.json" "$1"
}
healthcheck=$(read_config Healthcheck)
[[ $healthcheck == *heapctl* && $healthcheck == *health* ]] ||
  fail "the image has no HEALTHCHECK through heapctl health: $healthcheck"
[[ $(read_config ExposedPorts) == *50051/tcp* ]] || fail "the image does not expose 50051"
user=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["Docker"]["config"].get("User") or "")' "$work/image.json")
[[ -n $user && ${user%%:*} != 0 && ${user%%:*} != root ]] || fail "the image runs as root (USER '$user')"
container=$(buildah "${storage[@]}" from "$image")
containers+=("$container")
in_image() { buildah "${storage[@]}" run --isolation chroot "$container" -- "$@"; }
libs=$(in_image ldd /usr/local/bin/heapd /usr/local/bin/heapctl 2>&1) || fail "ldd in the image failed: $libs"
[[ $libs != *"not found"* ]] || fail "missing runtime libraries: $(grep 'not found' <<<"$libs")"
say "image config: USER $user, HEALTHCHECK $healthcheck, libraries complete"

# 3. Run the image's own command (ENTRYPOINT + CMD) when the port it uses,
# 50051, is free on this host; otherwise the same heapd on a free port.
mapfile -t command < <(python3 -c 'import json, sys
c = json.load(open(sys.argv[1]))["Docker"]["config"]
for arg in (c.get("Entrypoint") or []) + (c.get("Cmd") or []): print(arg)' "$work/image.json")
mapfile -t check < <(python3 -c 'import json, sys
test = json.load(open(sys.argv[1]))["Docker"]["config"]["Healthcheck"]["Test"]
assert test[0] == "CMD", test
for arg in test[1:]: print(arg)' "$work/image.json")
if port_free 50051; then
  port=50051
else
  port=$(free_port)
  say "port 50051 is busy here: heapd listens on 127.0.0.1:$port instead"
  command=("${command[0]}" --listen="127.0.0.1:$port")
  check=("${check[@]/--server=127.0.0.1:50051/--server=127.0.0.1:$port}")
fi
say "buildah run: ${command[*]}"
buildah "${storage[@]}" run --isolation chroot "$container" -- "${command[@]}" >"$work/heapd.log" 2>&1 &
run_pid=$!
for _ in $(seq 100); do grep -q "listening" "$work/heapd.log" && break; sleep 0.1; done
grep -q "listening" "$work/heapd.log" || { cat "$work/heapd.log" >&2; fail "heapd did not start"; }

health=$(in_image "${check[@]}" 2>&1) || fail "the HEALTHCHECK command failed: $health"
[[ $health == SERVING ]] || fail "the HEALTHCHECK command said '$health'"
say "HEALTHCHECK (${check[*]}): $health"
heapd_pid=""
for pid in $(descendants "$run_pid"); do
  [[ $(ps -o comm= -p "$pid" 2>/dev/null) == heapd ]] && heapd_pid=$pid
done
[[ -n $heapd_pid ]] || fail "cannot find the heapd process under buildah run"
uid=$(ps -o uid= -p "$heapd_pid" | tr -d ' ')
[[ $uid != 0 ]] || fail "heapd runs as root"
say "heapd runs as uid $uid"

printf 'import sys\nx = [1, 2, 3]\ny = x\nprint(sys.getsizeof(x), sys.getrefcount(x))\n' >"$work/check.py"
buildah "${storage[@]}" copy --chmod 0644 "$container" "$work/check.py" /tmp/check.py >/dev/null
out=$(in_image /usr/local/bin/heapctl --server="127.0.0.1:$port" run --profile=3.11 /tmp/check.py 2>&1) ||
  fail "heapctl run in the image failed: $out"
[[ $out == "88 3" ]] || fail "the heap script printed '$out', want '88 3'"
say "heapctl run in the image: $out"

# 4. SIGTERM: a graceful stop.
kill -TERM "$heapd_pid"
for _ in $(seq 100); do kill -0 "$heapd_pid" 2>/dev/null || break; sleep 0.1; done
! kill -0 "$heapd_pid" 2>/dev/null || fail "heapd did not stop within 10 s of SIGTERM"
wait "$run_pid" || fail "heapd exited with status $? after SIGTERM"
run_pid=""
grep -q "stopped" "$work/heapd.log" || { cat "$work/heapd.log" >&2; fail "heapd did not stop cleanly"; }
say "SIGTERM: heapd stopped cleanly"
say "image $image passes ($((SECONDS - started)) s)"
