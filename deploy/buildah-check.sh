#!/usr/bin/env bash
# Builds the Docker image offline with buildah and checks it runs: a Debian
# 12 base made by debootstrap, deploy/Dockerfile built on it, heapd started
# in the image, and heapctl (from the image) checking health and running a
# heap script over loopback. Needs root, buildah and debootstrap (exit 77
# without them); takes a few minutes.
# Usage: deploy/buildah-check.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $(id -u) -ne 0 ]] || ! command -v buildah >/dev/null || ! command -v debootstrap >/dev/null; then
  echo "buildah-check: needs root, buildah and debootstrap: skipped"
  exit 77
fi
work=${1:-$(mktemp -d)}
storage=(--storage-driver vfs --root "$work/storage" --runroot "$work/run")
base=localhost/heapsim-base:bookworm
image=localhost/heapsim:latest
containers=()
cleanup() {
  for c in "${containers[@]}"; do buildah "${storage[@]}" rm "$c" >/dev/null 2>&1 || true; done
  [[ -n ${run_pid:-} ]] && kill -TERM "$run_pid" 2>/dev/null || true
}
trap cleanup EXIT

if ! buildah "${storage[@]}" inspect --type image "$base" >/dev/null 2>&1; then
  echo "buildah-check: debootstrap --variant=minbase bookworm"
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase bookworm "$work/rootfs" >"$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log"; exit 1; }
  container=$(buildah "${storage[@]}" from scratch)
  containers+=("$container")
  mount=$(buildah "${storage[@]}" mount "$container")
  cp -a "$work/rootfs/." "$mount/"
  buildah "${storage[@]}" umount "$container" >/dev/null
  buildah "${storage[@]}" commit --quiet "$container" "$base" >/dev/null
fi

echo "buildah-check: building $image"
buildah "${storage[@]}" bud --isolation chroot --layers=false --build-arg BASE="$base" \
  -f deploy/Dockerfile -t "$image" . >"$work/bud.log" 2>&1 || { tail -30 "$work/bud.log"; exit 1; }

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
container=$(buildah "${storage[@]}" from "$image")
containers+=("$container")
buildah "${storage[@]}" run --isolation chroot "$container" -- \
  /usr/local/bin/heapd --listen="127.0.0.1:$port" >"$work/heapd.log" 2>&1 &
run_pid=$!
heapctl=(buildah "${storage[@]}" run --isolation chroot "$container" -- /usr/local/bin/heapctl
         --server="127.0.0.1:$port")
for _ in $(seq 100); do grep -q listening "$work/heapd.log" && break; sleep 0.2; done
health=$("${heapctl[@]}" health)
[[ $health == SERVING ]] || { echo "buildah-check: health said '$health'"; cat "$work/heapd.log"; exit 1; }
user=$(buildah "${storage[@]}" run --isolation chroot "$container" -- id -u)
[[ $user != 0 ]] || { echo "buildah-check: the image runs as root"; exit 1; }
printf 'import sys\nprint(sys.getsizeof([1, 2, 3]))\n' >"$work/check.py"
buildah "${storage[@]}" copy "$container" "$work/check.py" /tmp/check.py >/dev/null
out=$("${heapctl[@]}" run --profile=3.11 /tmp/check.py)
[[ $out == 88 ]] || { echo "buildah-check: the script printed '$out'"; exit 1; }
echo "buildah-check: image $image serves (health SERVING, uid $user, script ok)"
