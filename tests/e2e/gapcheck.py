#!/usr/bin/env python3
"""Runs a corpus comparison and accepts the failures listed as known gaps.

  gapcheck.py KNOWN_GAPS PROFILE CORPUS -- COMMAND...

COMMAND is compare.py or heapcheck on CORPUS; its `FAIL name:` lines are
read. Exit 0 when every failing scenario is a known gap of PROFILE and every
known gap of PROFILE that is in CORPUS still fails (a gap that now passes
must leave the list); 1 otherwise. Exit 77 (skipped) is passed through.
"""
import os
import re
import subprocess
import sys


def main():
    gaps_file, profile, corpus = sys.argv[1:4]
    command = sys.argv[sys.argv.index("--") + 1:]
    scenarios = {f[:-3] for f in os.listdir(corpus) if f.endswith(".py")} if os.path.isdir(corpus) else set()
    gaps = set()
    with open(gaps_file, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and not parts[0].startswith("#") and parts[0] == profile:
                gaps.add(parts[1])
    gaps &= scenarios
    run = subprocess.run(command, capture_output=True, text=True)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    if run.returncode == 77:
        return 77
    summary = re.search(r"(\d+) passed, (\d+) failed", run.stdout)
    if not summary:
        print("gapcheck: the comparison printed no summary", file=sys.stderr)
        return run.returncode or 1
    failed = set(re.findall(r"^FAIL (\w+)", run.stdout, re.M))
    unexpected = sorted(failed - gaps)
    fixed = sorted(gaps - failed)
    if unexpected:
        print(f"gapcheck: new failures on {profile}: {unexpected}", file=sys.stderr)
    if fixed:
        print(f"gapcheck: known gaps that now pass on {profile} (remove them from "
              f"{os.path.basename(gaps_file)}): {fixed}", file=sys.stderr)
    print(f"gapcheck: {summary.group(1)} passed, {len(failed & gaps)} known gaps, "
          f"{len(unexpected)} new failures on {profile}")
    return 1 if unexpected or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
