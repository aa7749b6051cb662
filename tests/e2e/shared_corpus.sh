#!/usr/bin/env bash
# Compares heapsim with CPython on the shared scenario corpus beside the
# checkout (../shared), through heapd and heapctl. Skips (exit 77) when the
# corpus is not there.
# Usage: shared_corpus.sh SOURCE_DIR HEAPCTL PROFILE
set -euo pipefail
source_dir=$1 heapctl=$2 profile=$3
corpus="$source_dir/../shared/scenarios/visible"
tool="$source_dir/../shared/tools/heapcheck"
if [[ ! -d "$corpus" || ! -x "$tool" ]]; then
  echo "no shared corpus at $corpus: skipped"
  exit 77
fi
exec python3 "$tool" compare "$corpus" --profile "$profile" --runner "$heapctl run --profile {profile} {file}"
