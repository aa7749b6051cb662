#!/usr/bin/env bash
# Generates the Python messages and gRPC stubs of heapsim.v1 from proto/
# with Debian's python3-grpc-tools, into OUT (a folder to put on PYTHONPATH).
# Usage: client/python/generate.sh OUT
set -euo pipefail
out=$1
proto_dir="$(cd "$(dirname "$0")/../../proto" && pwd)"
mkdir -p "$out"
/usr/bin/python3 -m grpc_tools.protoc -I "$proto_dir" --python_out="$out" --grpc_python_out="$out" \
  "$proto_dir/heapsim/v1/heapsim.proto" "$proto_dir/heapsim/v1/grading.proto"
touch "$out/heapsim/__init__.py" "$out/heapsim/v1/__init__.py"
