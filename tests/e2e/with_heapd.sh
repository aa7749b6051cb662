#!/usr/bin/env bash
# Runs a command with HEAPSIM_SERVER pointing at the fixture's heapd.
# Usage: with_heapd.sh STATE_DIR COMMAND...   Exits 77 (skipped) when the
# command is a corpus comparison whose corpus folder is absent.
set -euo pipefail
dir=$1
shift
HEAPSIM_SERVER=$(cat "$dir/server")
export HEAPSIM_SERVER
exec "$@"
