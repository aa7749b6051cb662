#!/usr/bin/env python3
"""Runs each program of tests/names/cases/ through heaprun for every profile
and checks the last stderr line against CPython's (expected_hints.txt,
recorded by capture_hints.py).

Usage: tests/names/check_hints.py HEAPRUN
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    heaprun = sys.argv[1]
    failures = 0
    with open(os.path.join(HERE, "expected_hints.txt")) as f:
        rows = [line.rstrip("\n").split(" ", 2) for line in f if line.strip()]
    for case, profile, want in rows:
        path = os.path.join(HERE, "cases", case + ".py")
        result = subprocess.run([heaprun, path, profile], capture_output=True, text=True)
        lines = result.stderr.strip().splitlines()
        got = lines[-1] if lines else ""
        if got != want:
            failures += 1
            print(f"FAIL {case} {profile}: want {want!r}, got {got!r}")
    print(f"{len(rows) - failures} of {len(rows)} last lines as CPython prints them")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
