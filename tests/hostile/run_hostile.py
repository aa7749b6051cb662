#!/usr/bin/env python3
"""Hostile inputs against a real heapd: every case ends with its expected
result, in time, and heapd stays up with bounded memory.

    run_hostile.py HEAPD HEAPCTL [--only NAME[,NAME]] [--profile X.Y | --all-profiles]
                   [--jobs N]

Starts its own heapd on a free loopback port (default limits, but sessions
hold at most SESSION_MAX_BYTES of simulated memory unless a case asks for
more; no HTTP port), runs every case of every `cases_*.py` module beside
this file through `heapctl run` (those marked `alone` one by one, then the
others JOBS at once) on its profiles (below), checks heapd is still serving after each, and that
heapd's peak resident set stays under MAX_RSS_BYTES: a session's host
memory is about 1.3 times its simulated footprint (README, "Limits"), plus
what the allocator keeps between calls, so the bound holds with room to
spare on any machine, fast or slow. Prints one line per
case and profile as each ends, then 'N passed, M failed'; exits 0 only when
all passed.

Profiles: with --profile, the ones named; with --all-profiles, all six;
by default (ctest) each case runs on every profile its expectations name
(the keys of an `exit` or `stderr` dict) and on two more, one of 3.8-3.10
and one of 3.11-3.13, picked from a hash of its name: every case meets an
old and a new interpreter, every profile meets about a third of the cases,
and the same cases meet the same profiles on every run.

A case module defines CASES, a list of Case. Sources are generated (a
100,000-level bracket nest is not a file in the repository).
"""
import argparse
import concurrent.futures
import zlib
import glob
import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_RSS_BYTES = 2 << 30
SESSION_MAX_BYTES = 512 << 20
PROFILES = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]


class Case:
    """One hostile script.

    name:     unique, [a-z0-9_]
    source:   the script's text (str) or bytes (for encoding cases)
    exit:     the expected exit code of `heapctl run` (1 Python error,
              2 refused, 3 a limit); a dict {profile: code} when it differs
              per profile (a missing profile falls back to the key "*")
    stderr:   a regex that the last stderr line must match (search); a dict
              {profile: regex} when the text differs per profile (a missing
              profile falls back to the key "*")
    seconds:  the most the run may take, wall clock
    stdout:   optional regex for the whole stdout (search)
    args:     extra arguments for `heapctl run`
    alone:    runs with no other case beside it (it takes heapd's memory or
              time up to a limit, and its result or its time depends on it)
    """

    def __init__(self, name, source, exit, stderr, seconds=5.0, stdout=None, args=(),
                 alone=False):
        self.name, self.source, self.exit, self.stderr = name, source, exit, stderr
        self.seconds, self.stdout, self.args = seconds, stdout, list(args)
        self.alone = alone

    def exit_for(self, profile):
        if isinstance(self.exit, dict):
            return self.exit.get(profile, self.exit.get("*"))
        return self.exit

    def named_profiles(self):
        """The profiles this case's expectations name (keys other than '*')."""
        named = set()
        for expectation in (self.exit, self.stderr):
            if isinstance(expectation, dict):
                named.update(key for key in expectation if key != "*")
        return named

    def stderr_for(self, profile):
        if isinstance(self.stderr, dict):
            return self.stderr.get(profile, self.stderr.get("*"))
        return self.stderr


def load_cases():
    cases = []
    for path in sorted(glob.glob(os.path.join(HERE, "cases_*.py"))):
        sys.path.insert(0, HERE)
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cases.extend(module.CASES)
    return cases


def default_profiles(case):
    """The profiles a case runs on without --profile or --all-profiles:
    those it names, one old and one new one (see the module's comment)."""
    pick = zlib.crc32(case.name.encode())
    old, new = PROFILES[:3], PROFILES[3:]
    chosen = case.named_profiles() | {old[pick % 3], new[(pick // 3) % 3]}
    return [profile for profile in PROFILES if profile in chosen]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def rss_bytes(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Heapd:
    """The heapd under test: started, restarted after it died, stopped."""

    def __init__(self, argv, log):
        self.argv, self.log = argv, log
        self.lock = threading.Lock()
        self.process = subprocess.Popen(argv, stdout=log, stderr=log)
        self.peak = 0

    def restart_if_dead(self, process):
        """Starts a new heapd when `process` (the one a case ran against) is
        dead and no other case restarted it yet."""
        with self.lock:
            if self.process is process and process.poll() is not None:
                self.process = subprocess.Popen(self.argv, stdout=self.log, stderr=self.log)
                time.sleep(0.5)

    def note_peak(self):
        """heapd's peak RSS so far; returns whether this reading raised it."""
        hwm = rss_bytes(self.process.pid)
        with self.lock:
            raised = hwm > self.peak
            self.peak = max(self.peak, hwm)
        return hwm if raised else 0


def run_one(case, profile, path, args, env, heapd):
    """Runs one case on one profile; returns its report line and whether it passed."""
    want_err = case.stderr_for(profile)
    want_exit = case.exit_for(profile)
    process = heapd.process
    t0 = time.time()
    problem = None
    try:
        p = subprocess.run([args.heapctl, "run", "--profile=" + profile] + case.args + [path],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=case.seconds + 10)
        took = time.time() - t0
        out = p.stdout.decode(errors="replace")
        err_lines = p.stderr.decode(errors="replace").strip().splitlines()
        last = err_lines[-1] if err_lines else ""
        if p.returncode != want_exit:
            problem = "exit %d, want %d (stderr: %s)" % (p.returncode, want_exit, last[:200])
        elif want_err is not None and not re.search(want_err, last):
            problem = "stderr %r does not match %r" % (last[:200], want_err)
        elif case.stdout is not None and not re.search(case.stdout, out):
            problem = "stdout %r does not match %r" % (out[:200], case.stdout)
        elif took > case.seconds:
            problem = "took %.2f s, limit %.2f s" % (took, case.seconds)
    except subprocess.TimeoutExpired:
        took = time.time() - t0
        problem = "no result after %.1f s" % took
    if process.poll() is not None:
        problem = (problem or "") + "; heapd died (exit %s)" % process.returncode
    elif subprocess.run([args.heapctl, "health"], env=env, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL).returncode != 0:
        problem = (problem or "") + "; heapd stopped answering"
    raised_to = heapd.note_peak()
    raised = " (heapd peak RSS now %.0f MiB)" % (raised_to / 2.0 ** 20) if raised_to else ""
    heapd.restart_if_dead(process)
    if problem:
        return "FAIL %s [%s]: %s%s" % (case.name, profile, problem, raised), False
    return "ok   %s [%s] %.2f s%s" % (case.name, profile, took, raised), True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("heapd")
    ap.add_argument("heapctl")
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--profile", action="append", default=[])
    ap.add_argument("--all-profiles", action="store_true",
                    help="every case on every profile (default: each on its own few)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                    help="cases run at once against the one heapd (default: 2, or 1 on one core)")
    args = ap.parse_args()
    only = {n for o in args.only for n in o.split(",") if n}
    cases = [c for c in load_cases() if not only or c.name in only]

    port = free_port()
    server = "127.0.0.1:%d" % port
    log = tempfile.NamedTemporaryFile(prefix="heapd-hostile-", suffix=".log", delete=False)
    # The cases check the wall-clock limits; the step limit stays at its ceiling so that a fast
    # machine does not end a CPU-bound loop on steps before the time limit it is checking.
    heapd_argv = [args.heapd, "--listen=" + server, "--default_max_bytes=%d" % SESSION_MAX_BYTES,
                  "--default_max_steps=2000000000", "--http_listen="]
    heapd = Heapd(heapd_argv, log)
    env = dict(os.environ, HEAPSIM_SERVER=server)
    for _ in range(200):
        if subprocess.run([args.heapctl, "health"], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            break
        time.sleep(0.05)

    work = tempfile.mkdtemp(prefix="hostile-")
    runs = []
    for case in cases:
        path = os.path.join(work, case.name + ".py")
        data = case.source.encode() if isinstance(case.source, str) else case.source
        with open(path, "wb") as f:
            f.write(data)
        if args.profile:
            profiles = args.profile
        elif args.all_profiles:
            profiles = PROFILES
        else:
            profiles = default_profiles(case)
        runs.extend((case, profile, path) for profile in profiles)
    # The cases that need heapd to themselves one by one, then the rest
    # JOBS at once, the longest limits first so that the workers end together.
    passed = failed = 0
    alone = [run for run in runs if run[0].alone]
    shared = sorted((run for run in runs if not run[0].alone), key=lambda run: -run[0].seconds)
    for group, jobs in ((alone, 1), (shared, max(1, args.jobs))):
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(run_one, case, profile, path, args, env, heapd)
                       for case, profile, path in group]
            for future in concurrent.futures.as_completed(futures):
                line, ok = future.result()
                passed, failed = passed + ok, failed + (not ok)
                print(line)
                sys.stdout.flush()

    heapd.note_peak()
    process = heapd.process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            failed += 1
            print("FAIL heapd did not stop on SIGTERM")
    print("heapd peak RSS: %.1f MiB" % (heapd.peak / 2.0 ** 20))
    if heapd.peak > MAX_RSS_BYTES:
        failed += 1
        print("FAIL heapd peak RSS over %d MiB" % (MAX_RSS_BYTES >> 20))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
