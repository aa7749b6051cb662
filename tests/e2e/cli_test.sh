#!/usr/bin/env bash
# End to end: the real heapctl against the real heapd (started by the
# fixture): sessions, structured operations, exit codes, scripts, stats.
set -euo pipefail
heapctl=$1
export HEAPSIM_STATE
HEAPSIM_STATE=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$work" "$HEAPSIM_STATE"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect CODE PATTERN -- heapctl args...
  local code=$1 pattern=$2
  shift 3
  set +e
  out=$("$heapctl" "$@" 2>&1)
  got=$?
  set -e
  [[ $got == "$code" ]] || fail "heapctl $* exited $got, want $code: $out"
  [[ $out =~ $pattern ]] || fail "heapctl $* printed '$out', want /$pattern/"
}

expect 0 "SERVING" -- health
expect 0 "sessions/.* \(CPython 3.11\)" -- session create --profile=3.11
expect 0 "x = \[1, 2, 3\]  list .*size=88 refcount=1" -- alloc '[1, 2, 3]' --as=x
expect 0 "refcount=2" -- bind y x
expect 0 "\[1, 2, 3, 4\]" -- mutate x append 4
expect 1 "^IndexError: pop index out of range$" -- mutate x pop 10
expect 1 "^AttributeError: 'list' object has no attribute 'push'$" -- mutate x push 1
expect 0 "\[1, 2, 3, 4\].*refcount=2" -- inspect x
expect 2 "name 'nope' is not defined" -- inspect nope
expect 0 "" -- del y
expect 0 "refcount=1" -- inspect x
expect 0 "d = \{'city': 'Oslo'\}" -- alloc "{'city': 'Oslo'}" --as=d
expect 1 "^KeyError: 'zip'$" -- del d "'zip'"
expect 1 "^TypeError: 'tuple' object does not support item assignment$" -- mutate '(1, 2)' setitem 0 5
expect 0 "collected 0" -- collect
expect 0 "objects: [0-9]+" -- stats
expect 0 '"live_objects"' -- --json stats
expect 0 "sessions/" -- session list
expect 2 "unknown command" -- frobnicate

printf 'import sys\nx = [1, 2, 3]\nprint(sys.getsizeof(x), sys.getrefcount(x))\n' >"$work/ok.py"
expect 0 "^88 2$" -- run --profile=3.11 "$work/ok.py"
expect 0 "^80 2$" -- run --profile=3.8 "$work/ok.py"
printf 'd = {}\nprint("before")\nd["city"]\n' >"$work/err.py"
expect 1 "before.*KeyError: 'city'" -- run "$work/err.py"
printf 'x = 1\nwith open("f") as f:\n    pass\n' >"$work/refused.py"
expect 2 "refused.py:2:1: unsupported: the builtin 'open'" -- run "$work/refused.py"
printf 'while True:\n    pass\n' >"$work/forever.py"
expect 3 "time limit" -- run --max_seconds=1 "$work/forever.py"
printf 'x = [1]\nx\nx.append(2)\nlen(x)\n' | "$heapctl" shell >"$work/shell.out" 2>&1
grep -q "^\[1\]$" "$work/shell.out" || fail "shell did not echo [1]: $(cat "$work/shell.out")"
grep -q "^2$" "$work/shell.out" || fail "shell did not echo 2"
expect 0 "deleted" -- session delete
expect 2 "no current session" -- alloc 1
echo "cli_test: all passed"
