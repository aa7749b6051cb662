#!/usr/bin/env python3
"""Grades the tutorial's Exercise 2 (id reuse) with structured RPCs.

The exercise: make 1,000 one-item lists and keep them, record their
addresses, free them all, then make 1,000 more one at a time; count how many
new lists got an address of a freed one. This grader performs those steps
on a heapsim session call by call (no heap script), then checks that every
address was reused, as CPython's list free list and pymalloc make happen.

Usage: grade_exercise2.py [--server HOST:PORT] [--profile X.Y]
Exit status 0 when the check passes.
"""
import argparse
import os
import sys

from heapsim_client import Session, pb


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", default=os.environ.get("HEAPSIM_SERVER", "127.0.0.1:50051"))
    ap.add_argument("--profile", default="3.11")
    args = ap.parse_args()
    with Session(args.server, args.profile) as s:
        s.allocate(literal="[]", name="temp")
        # temp.append([i]) for i in range(1000), in one all-or-nothing batch.
        appends = [pb.Operation(mutate=pb.MutateRequest(
            target=pb.Value(name="temp"), method="append",
            args=[pb.Value(list_value=pb.Values(items=[pb.Value(int_value=str(i))]))]))
            for i in range(1000)]
        changes = s.batch(appends).changes
        old = {o.address for c in changes for o in c.created if o.type == "list"}
        s.delete("temp")  # del temp: frees the 1000 lists
        reused = 0
        for i in range(1000):  # obj = [i]
            change = s.allocate(literal=f"[{i}]", name="obj")
            if change.result.address in old:
                reused += 1
    print(f"{len(old)} addresses recorded, {reused} reused (CPython {args.profile})")
    if len(old) != 1000 or reused != 1000:
        print("FAIL: expected 1000 of 1000 addresses reused", file=sys.stderr)
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
