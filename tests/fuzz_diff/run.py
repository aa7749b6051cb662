#!/usr/bin/env python3
"""Differential campaign: random heap scripts (gen.py) run by real CPython and by heapsim.

    run.py --seeds 0:200 [--profile 3.12 ...] [-j 2]
           [--runner 'build/tests/script/heaprun {file} {profile}']
           [--cache DIR] [--expected DIR] [--known-gaps FILE] [--capture] [--report FILE]

For every seed and profile:
  * CPython's output comes from --expected DIR/<profile>.json (checked-in outputs,
    used when the program's hash matches), else from --cache DIR/<profile>/<hash>.json,
    else from running the profile's pyenv interpreter (tests/cpython_interpreters.py)
    twice: PYTHONHASHSEED=0 buffered, and PYTHONHASHSEED=12345 with PYTHONUNBUFFERED=1.
    A program whose two runs differ (after id renaming) is "unstable" and not compared.
  * heapsim runs the program through --runner; its stdout is compared with CPython's by
    the rules of tests/scenarios/compare.py (ids renamed, line by line, exit code zero /
    non-zero). Exit 2 with "unsupported" is a refusal, counted on its own.
Every printed line starts with its kind (gen.KINDS); the report gives pass rates per
profile and, per kind, how many of CPython's lines heapsim printed identically, and
attributes each failing program to the kind of its first differing line.

--capture writes --expected DIR/<profile>.json for the seeds (CPython only).
--known-gaps FILE: exit 0 only when the failing (profile, seed) pairs are exactly those
the file lists ("PROFILE SEED KIND cause..."), else 1; exit 77 when some CPython output
is neither recorded nor obtainable (no interpreter). Without it, exit 0 when all pass.
Valid Python 3.8.
"""
import argparse
import collections
import hashlib
import json
import os
import shlex
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, TESTS)
sys.path.insert(0, os.path.join(TESTS, "scenarios"))
import compare  # noqa: E402  (the scenario corpus's comparison rules)
import gen  # noqa: E402
from cpython_interpreters import PROFILES, find_interpreter  # noqa: E402

ALL_PROFILES = [p for p, _ in PROFILES]
CPYTHON_ENVS = (
    {"PYTHONHASHSEED": "0"},
    {"PYTHONHASHSEED": "12345", "PYTHONUNBUFFERED": "1"},
)
SKIP = 77


def program_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def parse_seeds(spec):
    """'A:B' (A inclusive, B exclusive) or a comma-separated list."""
    if ":" in spec:
        a, b = spec.split(":")
        return list(range(int(a), int(b)))
    return [int(s) for s in spec.split(",") if s]


def run_process(cmd, env, cwd, timeout):
    """(stdout, exit code, stderr); exit code None when it timed out."""
    try:
        p = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "", None, "timed out after %ss" % timeout
    except OSError as e:
        return "", -1, "cannot run %s: %s" % (cmd[0], e)
    return p.stdout.decode("utf-8", "replace"), p.returncode, p.stderr.decode("utf-8", "replace")


def cpython_result(python, path, timeout):
    """{'out', 'rc'} when both environments print the same, else {'unstable': why}."""
    results = []
    for env in CPYTHON_ENVS:
        out, rc, err = run_process([python, path], env, os.path.dirname(path), timeout)
        if rc is None or rc not in (0, 1):
            return {"unstable": "exit %s: %s" % (rc, (err.strip().splitlines() or [""])[-1][:200])}
        results.append((out, rc))
    (o1, r1), (o2, r2) = results
    diff = compare.first_difference(compare.normalise(o1), compare.normalise(o2), 0.0)
    if diff or r1 != r2:
        return {"unstable": "line %d: %r vs %r" % diff if diff else "exit %d vs %d" % (r1, r2)}
    return {"out": o1, "rc": r1}


class CPythonStore(object):
    """CPython's results: checked-in expected files, a cache directory, the interpreters."""

    def __init__(self, expected_dir, cache_dir, timeout, allow_run=True):
        self.expected = {}
        self.expected_dir = expected_dir
        self.cache_dir = cache_dir
        self.timeout = timeout
        self.allow_run = allow_run
        self.pythons = {}
        for profile, exact in PROFILES:
            self.pythons[profile] = find_interpreter(profile, exact)
            if expected_dir:
                p = os.path.join(expected_dir, profile + ".json")
                if os.path.exists(p):
                    with open(p, encoding="utf-8") as f:
                        self.expected[profile] = json.load(f)

    def get(self, profile, seed, digest, path):
        """The CPython result for the program, or None when it cannot be had."""
        rec = self.expected.get(profile, {}).get(str(seed))
        if rec is not None and rec.get("hash") == digest:
            return rec
        cache_path = None
        if self.cache_dir:
            cache_path = os.path.join(self.cache_dir, profile, digest + ".json")
            if os.path.exists(cache_path):
                with open(cache_path, encoding="utf-8") as f:
                    return json.load(f)
        python = self.pythons.get(profile)
        if not python or not self.allow_run:
            return None
        rec = cpython_result(python, path, self.timeout)
        rec["hash"] = digest
        if cache_path:
            os.makedirs(os.path.dirname(cache_path), exist_ok=True)
            tmp = "%s.tmp%d.%d" % (cache_path, os.getpid(), threading.get_ident())
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(rec, f)
            os.replace(tmp, cache_path)
        return rec


def line_kind(line):
    word = line.split(" ", 1)[0] if line else ""
    return word if word in gen.KINDS else "other"


def compare_outputs(want, want_rc, got, got_rc, got_err):
    """(status, kind of the first difference, detail, per-kind [lines, equal lines])."""
    wl, gl = compare.normalise(want), compare.normalise(got)
    per_kind = collections.defaultdict(lambda: [0, 0])
    for i, w in enumerate(wl):
        k = line_kind(w)
        per_kind[k][0] += 1
        if i < len(gl) and gl[i] == w:
            per_kind[k][1] += 1
    diff = compare.first_difference(wl, gl, 0.0)
    if diff:
        n, w, g = diff
        kind = line_kind(w) if not w.startswith("<end") else line_kind(g)
        if w.startswith("<end") and got_rc not in (0,):
            kind = "exit"
        return "fail", kind, "line %d: want %s, got %s" % (n, compare.show(w), compare.show(g)), per_kind
    if (want_rc == 0) != (got_rc == 0):
        last = got_err.strip().splitlines()[-1][:160] if got_err.strip() else ""
        return "fail", "exit", "exit code: want %d, got %s (%s)" % (want_rc, got_rc, last), per_kind
    return "pass", None, "", per_kind


def check(job):
    """Run one (seed, profile) job; returns a result dict."""
    seed, profile, args, store, workdir = job
    text = gen.generate(seed)
    digest = program_hash(text)
    path = os.path.join(workdir, "seed_%d.py" % seed)
    if not os.path.exists(path):
        tmp = "%s.tmp%d.%d" % (path, os.getpid(), threading.get_ident())
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    res = {"seed": seed, "profile": profile, "hash": digest}
    rec = store.get(profile, seed, digest, path)
    if rec is None:
        res["status"] = "no-cpython"
        return res
    if args.capture:
        res["status"] = "captured"
        res["record"] = rec
        return res
    if "unstable" in rec:
        res["status"] = "unstable"
        res["detail"] = rec["unstable"]
        return res
    cmd = [w.replace("{file}", path).replace("{profile}", profile) for w in shlex.split(args.runner)]
    out, rc, err = run_process(cmd, None, None, args.timeout)
    if rc is None:
        res.update(status="fail", kind="timeout", detail=err)
        return res
    if rc == 2 and "unknown profile" in err:
        res.update(status="no-heapsim", detail=err.strip()[-200:])
        return res
    if rc == 2 and "unsupported" in err:
        res.update(status="refused", detail=err.strip().splitlines()[-1][:200])
        return res
    if rc not in (0, 1):
        res.update(status="fail", kind="crash", detail="exit %s: %s" % (rc, err.strip()[-200:]))
        return res
    status, kind, detail, per_kind = compare_outputs(rec["out"], rec["rc"], out, rc, err)
    res.update(status=status, kind=kind, detail=detail, per_kind=dict(per_kind))
    return res


def read_known_gaps(path):
    gaps = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and not parts[0].startswith("#"):
                gaps[(parts[0], int(parts[1]))] = parts[2]
    return gaps


def summarise(results, profiles, out):
    by_profile = collections.defaultdict(collections.Counter)
    kind_lines = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    first_kind = collections.defaultdict(collections.Counter)
    for r in results:
        by_profile[r["profile"]][r["status"]] += 1
        for k, (n, eq) in r.get("per_kind", {}).items():
            kind_lines[r["profile"]][k][0] += n
            kind_lines[r["profile"]][k][1] += eq
        if r["status"] == "fail":
            first_kind[r["profile"]][r["kind"]] += 1
    out.write("profile  compared  passed  rate     failed  unstable  refused  no-cpython  no-profile\n")
    for p in profiles:
        c = by_profile[p]
        compared = c["pass"] + c["fail"]
        rate = 100.0 * c["pass"] / compared if compared else 0.0
        out.write("%-7s  %8d  %6d  %6.2f%%  %6d  %8d  %7d  %10d  %10d\n" % (
            p, compared, c["pass"], rate, c["fail"], c["unstable"], c["refused"], c["no-cpython"],
            c["no-heapsim"]))
    kinds = list(gen.KINDS) + ["other"]
    out.write("lines printed identically, per kind (equal/all), and failing programs by the kind of"
              " their first difference:\n")
    for p in profiles:
        cells = []
        for k in kinds:
            n, eq = kind_lines[p].get(k, [0, 0])
            if n:
                cells.append("%s %d/%d (%.1f%%)" % (k, eq, n, 100.0 * eq / n))
        out.write("  %s lines: %s\n" % (p, ", ".join(cells)))
        if first_kind[p]:
            out.write("  %s first differences: %s\n" % (
                p, ", ".join("%s %d" % kv for kv in sorted(first_kind[p].items()))))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default="0:40", help="A:B or a comma-separated list")
    ap.add_argument("--profile", action="append", default=[], help="profile (repeatable; default all)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--runner", default=os.path.join("build", "tests", "script", "heaprun") + " {file} {profile}")
    ap.add_argument("--cache", default=None, help="directory caching CPython's results by program hash")
    ap.add_argument("--expected", default=None, help="directory of checked-in <profile>.json results")
    ap.add_argument("--known-gaps", default=None)
    ap.add_argument("--capture", action="store_true", help="record CPython's results into --expected")
    ap.add_argument("--report", default=None, help="write every result as a JSON line here, as it comes")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--workdir", default=None, help="where programs are written (default: a temp dir)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every failure")
    ap.add_argument("--cached-only", action="store_true",
                    help="never run CPython: programs without a recorded or cached output count as no-cpython")
    ap.add_argument("--summarise", default=None, metavar="LOG",
                    help="only print the summary of a --report log (of a finished or running campaign)")
    args = ap.parse_args(argv)
    profiles = args.profile or ALL_PROFILES
    if args.summarise:
        with open(args.summarise, encoding="utf-8") as f:
            logged = [json.loads(line) for line in f if line.endswith("\n")]
        summarise(logged, profiles, sys.stdout)
        return 0
    seeds = parse_seeds(args.seeds)
    if args.capture and not args.expected:
        ap.error("--capture needs --expected")

    store = CPythonStore(None if args.capture else args.expected, args.cache, args.timeout,
                         allow_run=not args.cached_only)
    tmp = None
    workdir = args.workdir
    if not workdir:
        tmp = tempfile.TemporaryDirectory(prefix="fuzz_diff.")
        workdir = tmp.name
    os.makedirs(workdir, exist_ok=True)
    jobs = [(s, p, args, store, workdir) for s in seeds for p in profiles]
    results = []
    log = open(args.report, "w", encoding="utf-8") if args.report else None
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for r in pool.map(check, jobs):
            results.append(r)
            if log and r["status"] != "captured":
                log.write(json.dumps(r, sort_keys=True) + "\n")
                log.flush()
    if log:
        log.close()

    if args.capture:
        os.makedirs(args.expected, exist_ok=True)
        missing = 0
        for p in profiles:
            recs = {}
            for r in results:
                if r["profile"] != p:
                    continue
                if r["status"] == "captured":
                    recs[str(r["seed"])] = r["record"]
                else:
                    missing += 1
            if recs:
                with open(os.path.join(args.expected, p + ".json"), "w", encoding="utf-8") as f:
                    json.dump(recs, f, indent=0, sort_keys=True)
                    f.write("\n")
            unstable = sum(1 for r in recs.values() if "unstable" in r)
            print("%s: %d programs recorded (%d unstable)" % (p, len(recs), unstable))
        return 1 if missing else 0

    summarise(results, profiles, sys.stdout)
    failures = [r for r in results if r["status"] == "fail"]
    for r in results:
        if r["status"] == "refused" or (args.verbose and r["status"] == "fail"):
            print("%s seed %d (%s): %s %s" % (r["status"].upper(), r["seed"], r["profile"], r.get("kind", ""),
                                             r.get("detail", "")))
    if any(r["status"] == "no-cpython" for r in results):
        print("CPython's output is neither recorded nor obtainable for some programs: skipped")
        return SKIP
    if args.known_gaps:
        gaps = read_known_gaps(args.known_gaps)
        gaps = {k: v for k, v in gaps.items() if k[0] in profiles and k[1] in seeds}
        failed = {(r["profile"], r["seed"]): r for r in failures}
        new = sorted(set(failed) - set(gaps))
        closed = sorted(set(gaps) - set(failed))
        for key in new:
            r = failed[key]
            print("NEW FAILURE %s seed %d: %s: %s" % (key[0], key[1], r["kind"], r["detail"]))
        for key in closed:
            print("KNOWN GAP NOW PASSES %s seed %d (%s): remove it from %s" % (
                key[0], key[1], gaps[key], os.path.basename(args.known_gaps)))
        refused = [r for r in results if r["status"] == "refused"]
        print("%d failures, all known: %s; %d refused" % (len(failures), "yes" if not new else "no", len(refused)))
        return 1 if new or closed or refused else 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
