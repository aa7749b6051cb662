#!/usr/bin/env python3
"""Reduce a program on which heapsim and CPython disagree to a minimal one.

    shrink.py --seed N --profile 3.12 [--out F.py]
    shrink.py --file prog.py --profile 3.12 [--runner CMD] [--any-kind]

Deletes chunks of lines (halves, quarters, ... single lines) for as long as the
disagreement persists on that profile: CPython (both environments of run.py)
prints the same stable output, heapsim runs the program without refusing it,
and the first differing line is of the same kind as in the original program
(--any-kind: any disagreement). A candidate that does not compile is skipped.
Prints the minimal program (or writes it to --out) and the difference.
Valid Python 3.8.
"""
import argparse
import os
import shlex
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import run  # noqa: E402


class Oracle(object):
    """Answers whether a program text still shows the disagreement."""

    def __init__(self, profile, runner, timeout, workdir):
        self.profile = profile
        self.runner = runner
        self.timeout = timeout
        self.workdir = workdir
        exact = dict(run.PROFILES)[profile]
        self.python = run.find_interpreter(profile, exact)
        if not self.python:
            raise SystemExit("no CPython interpreter for profile %s" % profile)
        self.calls = 0

    def difference(self, text):
        """(kind, detail) of the first disagreement, or None when they agree or the text is unusable."""
        try:
            compile(text, "<candidate>", "exec")
        except SyntaxError:
            return None
        self.calls += 1
        path = os.path.join(self.workdir, "candidate.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        rec = run.cpython_result(self.python, path, self.timeout)
        if "unstable" in rec:
            return None
        cmd = [w.replace("{file}", path).replace("{profile}", self.profile) for w in shlex.split(self.runner)]
        out, rc, err = run.run_process(cmd, None, None, self.timeout)
        if rc is None:
            return ("timeout", err)
        if rc not in (0, 1):
            return None if rc == 2 else ("crash", err.strip()[-200:])
        status, kind, detail, _ = run.compare_outputs(rec["out"], rec["rc"], out, rc, err)
        return None if status == "pass" else (kind, detail)


def shrink(lines, keeps):
    """The smallest list of lines found by deleting chunks while keeps(lines) holds."""
    chunk = max(1, len(lines) // 2)
    while True:
        i = 0
        changed = False
        while i < len(lines):
            candidate = lines[:i] + lines[i + chunk:]
            if candidate and keeps(candidate):
                lines = candidate
                changed = True
            else:
                i += chunk
        if chunk == 1 and not changed:
            return lines
        if not changed:
            chunk = max(1, chunk // 2)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--seed", type=int)
    src.add_argument("--file")
    ap.add_argument("--profile", required=True)
    ap.add_argument("--runner", default=os.path.join("build", "tests", "script", "heaprun") + " {file} {profile}")
    ap.add_argument("--any-kind", action="store_true", help="keep any disagreement, not only the first kind")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    if args.seed is not None:
        text = gen.generate(args.seed)
    else:
        with open(args.file, encoding="utf-8") as f:
            text = f.read()

    with tempfile.TemporaryDirectory(prefix="fuzz_shrink.") as workdir:
        oracle = Oracle(args.profile, args.runner, args.timeout, workdir)
        first = oracle.difference(text)
        if first is None:
            print("no disagreement on %s to shrink" % args.profile, file=sys.stderr)
            return 1
        kind = first[0]

        def keeps(lines):
            d = oracle.difference("\n".join(lines) + "\n")
            return d is not None and (args.any_kind or d[0] == kind)

        lines = shrink(text.rstrip("\n").split("\n"), keeps)
        result = "\n".join(lines) + "\n"
        last = oracle.difference(result)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(result)
    else:
        sys.stdout.write(result)
    print("# %s on %s after %d runs: %s" % (last[0], args.profile, oracle.calls, last[1]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
