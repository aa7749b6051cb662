#!/usr/bin/env python3
"""Record what real CPython prints for every scenario of this corpus.

    capture.py                       # every profile: 3.8 3.9 3.10 3.11 3.12 3.13
    capture.py --profile 3.12        # one profile (repeatable)
    capture.py --only gc_rings       # some scenarios (repeatable or comma-separated)

For each profile X.Y the pyenv interpreter (the pinned version if installed, else the
newest X.Y.*) runs every scenario twice, with an environment holding only
PYTHONHASHSEED=0 and PYTHONUNBUFFERED=1 (heapsim models the unbuffered
stdout: README, "print() and sys.stdout"). When both runs agree exactly after id normalisation (the tolerance
header is not used for this), expected/X.Y/NAME.out (stdout of the first run)
and NAME.rc (exit code) are written. A scenario whose runs disagree is reported as
unstable and its expected files are removed, not written. Exit status 1 if any
scenario was unstable or could not run. Valid Python 3.8.
"""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import compare  # noqa: E402  (this corpus's own comparator: same normalisation rules)
from cpython_interpreters import PROFILES, find_interpreter, pyenv_root  # noqa: E402

def run(python, path, timeout):
    t0 = time.time()
    p = subprocess.run(
        [python, path],
        env={"PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        cwd=HERE,
    )
    return p.stdout.decode("utf-8", "replace"), p.returncode, p.stderr.decode("utf-8", "replace"), time.time() - t0


def remove_expected(exp_dir, name):
    for ext in (".out", ".rc"):
        p = os.path.join(exp_dir, name + ext)
        if os.path.exists(p):
            os.remove(p)


def capture_profile(profile, python, names, timeout):
    exp_dir = os.path.join(HERE, "expected", profile)
    os.makedirs(exp_dir, exist_ok=True)
    unstable, broken, slow = [], [], []
    for name in names:
        path = os.path.join(HERE, name + ".py")
        try:
            out1, rc1, err1, t1 = run(python, path, timeout)
            out2, rc2, err2, t2 = run(python, path, timeout)
        except subprocess.TimeoutExpired:
            broken.append((name, "timed out"))
            remove_expected(exp_dir, name)
            continue
        if rc1 not in (0, 1):
            broken.append((name, "exit %d: %s" % (rc1, (err1.strip().splitlines() or [""])[-1])))
            remove_expected(exp_dir, name)
            continue
        # stability is judged strictly: the tolerance header is for other implementations
        diff = compare.first_difference(compare.normalise(out1), compare.normalise(out2), 0.0)
        if diff or rc1 != rc2:
            what = "line %d: %r vs %r" % diff if diff else "exit %d vs %d" % (rc1, rc2)
            unstable.append((name, what))
            remove_expected(exp_dir, name)
            continue
        if max(t1, t2) > 2.0:
            slow.append((name, max(t1, t2)))
        with open(os.path.join(exp_dir, name + ".out"), "w", encoding="utf-8") as f:
            f.write(out1)
        with open(os.path.join(exp_dir, name + ".rc"), "w") as f:
            f.write("%d\n" % rc1)
    for name, why in unstable:
        print("  UNSTABLE %s (dropped): %s" % (name, why))
    for name, why in broken:
        print("  BROKEN %s: %s" % (name, why))
    for name, t in slow:
        print("  SLOW %s: %.1fs" % (name, t))
    print("  %d written, %d unstable, %d broken" % (len(names) - len(unstable) - len(broken), len(unstable), len(broken)))
    return not unstable and not broken


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--profile", action="append", default=[], help="X.Y (repeatable); default: all five")
    ap.add_argument("--only", action="append", default=[], help="scenario names (repeatable, comma-separated)")
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args(argv)
    names = compare.scenario_names(HERE)
    if args.only:
        wanted = []
        for o in args.only:
            wanted += [w[:-3] if w.endswith(".py") else w for w in o.split(",") if w]
        bad = [w for w in wanted if w not in names]
        if bad:
            ap.error("no such scenario: %s" % ", ".join(bad))
        names = [n for n in names if n in wanted]
    profiles = PROFILES
    if args.profile:
        known = dict(PROFILES)
        bad = [p for p in args.profile if p not in known]
        if bad:
            ap.error("unknown profile: %s" % ", ".join(bad))
        profiles = [(p, known[p]) for p in args.profile]
    ok = True
    for profile, exact in profiles:
        python = find_interpreter(profile, exact)
        if not python:
            print("profile %s: no interpreter under %s" % (profile, pyenv_root()))
            ok = False
            continue
        print("profile %s: %s, %d scenarios" % (profile, python, len(names)))
        sys.stdout.flush()
        ok = capture_profile(profile, python, names, args.timeout) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
