#!/usr/bin/env bash
# One graded example: `heapctl grade` of SUBMISSION against its exercise's
# tests must exit with CODE and write exactly the expected results.json.
# Usage: grade_case.sh HEAPCTL EXERCISE_DIR SUBMISSION CODE
set -euo pipefail
heapctl=$1 dir=$2 submission=$3 code=$4
out=$(mktemp)
trap 'rm -f "$out"' EXIT
set +e
"$heapctl" grade --profile=3.11 --tests="$dir/tests.py" "$dir/$submission.py" --results="$out" >/dev/null
got=$?
set -e
if [[ $got != "$code" ]]; then
  echo "heapctl grade $submission exited $got, want $code" >&2
  exit 1
fi
diff -u "$dir/expected/$submission.json" "$out"
