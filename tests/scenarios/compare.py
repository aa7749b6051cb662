#!/usr/bin/env python3
"""Run heap-script scenarios with some runner and compare with CPython's recorded output.

    compare.py CORPUS_DIR --profile 3.12 --runner 'build/heapctl run --profile {profile} {file}'
    compare.py CORPUS_DIR --profile 3.12 --runner "$(pyenv root)/versions/3.12.1/bin/python {file}"

CORPUS_DIR holds scenario files NAME.py; the expected output of profile X.Y is
CORPUS_DIR/expected/X.Y/NAME.out (stdout) and NAME.rc (exit code).

Rules
  * ids: every integer of 12 or more digits is renamed ID1, ID2, ... in order of first
    appearance across the whole output (each side renamed on its own), so only which ids
    are equal matters, not their values;
  * a scenario whose leading comment lines hold '# tolerance: N%' lets every number on a
    line differ from the expected one by that fraction of it (the text between numbers
    must still match exactly);
  * stdout is compared line by line; the exit code only by zero / non-zero.

Prints 'FAIL name: line N: want ..., got ...' for the first difference of each failing
scenario, then 'N passed, M failed'. Exit status 0 only when every scenario passed.
This file must stay valid Python 3.8.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ID_RE = re.compile(r"(?<![\w.])\d{12,}(?![\w.])")
# a number: optional sign, digits (possibly grouped by commas as in f'{x:,}'), optional fraction
NUM_RE = re.compile(r"(?<![\w.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w])")
TOL_RE = re.compile(r"#\s*tolerance:\s*([0-9]+(?:\.[0-9]+)?)\s*%")


# the tools that live beside this corpus's scenarios are not scenarios
TOOLS = ("capture.py", "compare.py")


def scenario_names(corpus):
    return sorted(
        f[:-3] for f in os.listdir(corpus) if f.endswith(".py") and not f.startswith(".") and f not in TOOLS
    )


def read_tolerance(path):
    """Fraction allowed by a '# tolerance: N%' line among the file's leading comment lines."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if not s:
                continue
            if not s.startswith("#"):
                break
            m = TOL_RE.match(s)
            if m:
                return float(m.group(1)) / 100.0
    return 0.0


def normalise(text):
    """Split TEXT into lines with every 12+-digit integer renamed ID1, ID2, ..."""
    names = {}

    def rename(m):
        v = m.group(0)
        if v not in names:
            names[v] = "ID%d" % (len(names) + 1)
        return names[v]

    if text.endswith("\n"):
        text = text[:-1]
    if text == "":
        return []
    return [ID_RE.sub(rename, line) for line in text.split("\n")]


def _number(tok):
    return float(tok.replace(",", ""))


def lines_match(want, got, tol):
    if want == got:
        return True
    if tol <= 0:
        return False
    if NUM_RE.sub("#", want) != NUM_RE.sub("#", got):
        return False
    ws = NUM_RE.findall(want)
    gs = NUM_RE.findall(got)
    if len(ws) != len(gs):
        return False
    for w, g in zip(ws, gs):
        wv, gv = _number(w), _number(g)
        if abs(gv - wv) > tol * abs(wv) + 1e-9:
            return False
    return True


def first_difference(want_lines, got_lines, tol):
    """None if the outputs match, else (line number, want, got)."""
    for i in range(max(len(want_lines), len(got_lines))):
        w = want_lines[i] if i < len(want_lines) else None
        g = got_lines[i] if i < len(got_lines) else None
        if w is None or g is None or not lines_match(w, g, tol):
            return (i + 1, "<end of output>" if w is None else w, "<end of output>" if g is None else g)
    return None


def show(s, limit=160):
    r = repr(s) if not s.startswith("<end") else s
    return r if len(r) <= limit else r[: limit - 3] + "..."


def run_runner(runner, path, profile, timeout):
    cmd = runner.replace("{file}", shlex.quote(path)).replace("{profile}", shlex.quote(profile))
    try:
        p = subprocess.run(
            cmd,
            shell=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, None, "timed out after %ss" % timeout
    return p.stdout.decode("utf-8", "replace"), p.returncode, p.stderr.decode("utf-8", "replace")


def check_one(corpus, name, profile, runner, timeout):
    """Return None if NAME passes, else a one-line reason."""
    path = os.path.join(corpus, name + ".py")
    exp_dir = os.path.join(corpus, "expected", profile)
    out_path = os.path.join(exp_dir, name + ".out")
    rc_path = os.path.join(exp_dir, name + ".rc")
    if not (os.path.exists(out_path) and os.path.exists(rc_path)):
        return "no expected output in %s" % exp_dir
    with open(out_path, encoding="utf-8") as f:
        want = f.read()
    with open(rc_path) as f:
        want_rc = int(f.read().strip() or "0")
    got, rc, err = run_runner(runner, path, profile, timeout)
    if got is None:
        return err
    tol = read_tolerance(path)
    diff = first_difference(normalise(want), normalise(got), tol)
    if diff:
        n, w, g = diff
        return "line %d: want %s, got %s" % (n, show(w), show(g))
    if (want_rc == 0) != (rc == 0):
        last = err.strip().splitlines()[-1] if err.strip() else ""
        return "exit code: want %d, got %d%s" % (want_rc, rc, (" (" + last[:120] + ")") if last else "")
    return None


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="folder of scenario files with expected/<profile>/ beside them")
    ap.add_argument("--profile", required=True, help="3.8, 3.9, 3.10, 3.11, 3.12 or 3.13")
    ap.add_argument("--runner", required=True, help="shell command with {file} and {profile}")
    ap.add_argument("--only", action="append", default=[], help="scenario name (repeatable, or comma-separated)")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="parallel runs")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per scenario")
    args = ap.parse_args(argv)

    names = scenario_names(args.corpus)
    if args.only:
        wanted = []
        for o in args.only:
            wanted += [w[:-3] if w.endswith(".py") else w for w in o.split(",") if w]
        missing = [w for w in wanted if w not in names]
        if missing:
            ap.error("no such scenario: %s" % ", ".join(missing))
        names = [n for n in names if n in wanted]

    def job(name):
        return name, check_one(args.corpus, name, args.profile, args.runner, args.timeout)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(job, names))
    failed = 0
    for name, reason in results:
        if reason is not None:
            failed += 1
            print("FAIL %s: %s" % (name, reason))
    print("%d passed, %d failed" % (len(results) - failed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
