#!/usr/bin/env python3
"""Records, for each program in tests/names/cases/, the last line each CPython
prints on stderr (an uncaught exception's line, with the "Did you mean" hint
of 3.10+) into tests/names/expected_hints.txt: lines "CASE PROFILE LINE".

Usage: tests/names/capture_hints.py
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from cpython_interpreters import PROFILES, find_interpreter  # noqa: E402


def main():
    rows = []
    for case in sorted(os.listdir(os.path.join(HERE, "cases"))):
        path = os.path.join(HERE, "cases", case)
        for profile, exact in PROFILES:
            python = find_interpreter(profile, exact)
            if python is None:
                sys.exit(f"no CPython {profile} installed")
            result = subprocess.run([python, path], capture_output=True, text=True,
                                    env={"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0"})
            last = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
            rows.append(f"{case[:-3]} {profile} {last}")
    with open(os.path.join(HERE, "expected_hints.txt"), "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
