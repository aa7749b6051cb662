#!/usr/bin/env python3
"""End-to-end test of the pictures heapctl makes.

Starts a real heapd (gRPC only), runs a heap script with
`heapctl run --trace=FILE.json` and checks the trace (its steps' lines,
frames, and objects with the sizes and refcounts CPython 3.12.1 reports),
a trace cut at its step limit, then draws a session with
`heapctl inspect --format=dot` and renders it with Graphviz when installed.

Usage: trace_dot_test.py HEAPD HEAPCTL
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from checks import check, failures, free_port

SCRIPT = """def f(a):
    b = [a, a]
    return b

x = f("hi")
y = (x, 3)
print(len(y))
"""
# Lines in the order they run, then 0: the step after the last statement.
SCRIPT_LINES = [1, 5, 2, 3, 6, 7, 0]
# CPython 3.12.1 on the script: sys.getsizeof(x), sys.getrefcount(x) - 1,
# sys.getsizeof(y), sys.getrefcount(y) - 1 at its end.
X_SIZE, X_REFCOUNT, Y_SIZE, Y_REFCOUNT = "72", "2", "56", "1"



def run(heapctl, env, *args):
    return subprocess.run([heapctl, *args], env=env, capture_output=True, text=True, timeout=60)


def steps_of(trace):
    return [e["step"] for e in trace["events"] if "step" in e]


def test_trace(heapctl, env, work):
    script = os.path.join(work, "script.py")
    with open(script, "w") as f:
        f.write(SCRIPT)
    trace_path = os.path.join(work, "trace.json")
    done = run(heapctl, env, "run", "--profile=3.12", f"--trace={trace_path}", script)
    check(done.returncode == 0 and done.stdout == "2\n", f"run --trace: {done}")
    with open(trace_path) as f:
        trace = json.load(f)
    check(trace["format"] == "heapsim-trace/1" and trace["profile"] == "3.12"
          and trace["file"] == script, f"trace header: {list(trace)[:3]}")
    steps = steps_of(trace)
    check([s["line"] for s in steps] == SCRIPT_LINES, f"step lines: {[s['line'] for s in steps]}")
    check([s["index"] for s in steps] == [str(i) for i in range(len(steps))], "step indexes")
    in_f = steps[2]
    check([fr["function"] for fr in in_f["frames"]] == ["<module>", "f"],
          f"frames inside f: {[fr['function'] for fr in in_f['frames']]}")
    check([b["name"] for b in in_f["frames"][1]["bindings"]] == ["a"], "f's names before line 2")
    last = steps[-1]
    names = {b["name"]: b["address"] for b in last["frames"][0]["bindings"]}
    objects = {o["address"]: o for o in last["objects"]}
    x, y = objects[names["x"]], objects[names["y"]]
    check((x["type"], x["size"], x["refcount"]) == ("list", X_SIZE, X_REFCOUNT), f"x: {x}")
    check((y["type"], y["size"], y["refcount"]) == ("tuple", Y_SIZE, Y_REFCOUNT), f"y: {y}")
    check(y["referents"][0] == names["x"] and all(r in objects for r in x["referents"]),
          "referents are drawn objects")
    check([slot["value"] for slot in x["slots"]] == x["referents"] and x["shared"] is False,
          f"x's slots are its items: {x.get('slots')}")
    check(objects[y["slots"][1]["value"]]["shared"] is True, "3 is a cached small int")
    check(not any("stats" in s for s in steps), "no statistics in the steps without --stats")
    check(not any(s["objectsTruncated"] for s in steps), "small steps are whole")
    events = trace["events"]
    check(any(e.get("heapEvent", {}).get("kind") == "ALLOC" for e in events), "heap events")
    check({"stdout": "2\n"} in events, "stdout in the trace")
    check(events[-1] == {"result": {"exitCode": 0, "error": "", "traceTruncated": False}},
          f"result: {events[-1]}")

    # With --stats every step carries the statistics of its moment.
    done = run(heapctl, env, "run", "--profile=3.12", "--stats", f"--trace={trace_path}", script)
    with open(trace_path) as f:
        steps = steps_of(json.load(f))
    check(done.returncode == 0 and all(int(s["stats"]["footprint"]) > 0
                                       and len(s["stats"]["freeLists"]) == 5 for s in steps),
          f"run --stats --trace: {done.returncode} {[list(s.get('stats', {}))[:3] for s in steps]}")

    # A run longer than the step limit (1000): cut, said so, and finished.
    with open(script, "w") as f:
        f.write("n = 0\nfor i in range(1500):\n    n += 1\nprint(n)\n")
    done = run(heapctl, env, "run", "--profile=3.12", f"--trace={trace_path}", script)
    check(done.returncode == 0 and done.stdout == "1500\n", f"long run: {done}")
    with open(trace_path) as f:
        trace = json.load(f)
    steps = steps_of(trace)
    check(len(steps) == 1001 and steps[-1]["line"] == 0, f"long trace steps: {len(steps)}")
    check(trace["events"][-1]["result"]["traceTruncated"] is True, "long trace is marked cut")

    # A heap larger than a step describes: cut at 10000 objects, said so.
    with open(script, "w") as f:
        f.write("x = list(range(20000))\ny = 1\n")
    done = run(heapctl, env, "run", "--profile=3.12", f"--trace={trace_path}", script)
    with open(trace_path) as f:
        steps = steps_of(json.load(f))
    check(done.returncode == 0 and [len(s["objects"]) for s in steps][1:] == [10000, 10000]
          and [s["objectsTruncated"] for s in steps] == [False, True, True],
          f"large heap steps: {[(len(s['objects']), s['objectsTruncated']) for s in steps]}")
    big = next(o for o in steps[-1]["objects"] if o["type"] == "list")
    check(len(big["slots"]) == 10000 and big["slotCount"] == "20000"
          and len(big["referents"]) == 20000,
          f"a list of 20000 items: {len(big['slots'])} slots of {big['slotCount']}")

    # A script that raises: the trace ends with its error.
    with open(script, "w") as f:
        f.write("d = {}\nd['k']\n")
    done = run(heapctl, env, "run", "--profile=3.12", f"--trace={trace_path}", script)
    with open(trace_path) as f:
        trace = json.load(f)
    check(done.returncode == 1 and [s["line"] for s in steps_of(trace)] == [1, 2, 0]
          and trace["events"][-1]["result"]["error"] == "KeyError: 'k'", f"raising run: {done}")

    done = run(heapctl, env, "run", f"--trace={work}/no/such/dir/t.json", script)
    check(done.returncode == 2 and "cannot write" in done.stderr, f"unwritable trace: {done}")


def test_dot(heapctl, env, work):
    for args in (["session", "create", "--profile=3.12"], ["alloc", "[1, 'two', (3,)]", "--as=x"],
                 ["bind", "y", "x"]):
        done = run(heapctl, env, *args)
        check(done.returncode == 0, f"{args}: {done}")
    done = run(heapctl, env, "inspect", "--format=dot")
    check(done.returncode == 0, f"inspect --format=dot: {done}")
    dot = done.stdout
    check(dot.startswith("digraph heap {") and dot.endswith("}\n"), "a digraph")
    check("<b>list</b>" in dot and "size=88 refcount=2" in dot, "the list with its size and refcount")
    list_node = next(line.split()[0] for line in dot.splitlines() if "<b>list</b>" in line)
    check(f"f0:b" in dot and dot.count(f"-> {list_node};") == 2, "x and y point at the list")
    check(run(heapctl, env, "inspect", "--format=svg").returncode == 2, "unknown format refused")
    if shutil.which("dot"):
        svg = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True)
        check(svg.returncode == 0 and "<svg" in svg.stdout and "refcount=2" in svg.stdout,
              f"dot -Tsvg: {svg.returncode} {svg.stderr}")
    else:
        print("graphviz not installed: DOT text checked only")


def main():
    heapd, heapctl = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        server = f"127.0.0.1:{free_port()}"
        log = open(os.path.join(work, "heapd.log"), "w+")
        process = subprocess.Popen([heapd, f"--listen={server}", "--http_listen="],
                                   stdout=log, stderr=log)
        env = dict(os.environ, HEAPSIM_SERVER=server, HEAPSIM_STATE=os.path.join(work, "state"))
        env.pop("HEAPSIM_SESSION", None)
        env.pop("HEAPSIM_TOKEN", None)
        try:
            for _ in range(200):
                if run(heapctl, env, "health").returncode == 0:
                    break
                time.sleep(0.05)
            test_trace(heapctl, env, work)
            test_dot(heapctl, env, work)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)
    if failures:
        sys.exit(f"{len(failures)} check(s) failed")
    print("trace and dot: all checks passed")


if __name__ == "__main__":
    main()
