import gc
import sys
import tracemalloc


def at_lines(snapshot):
    # the script's lines: (line, size, count), tracemalloc.py's left out
    script = snapshot.filter_traces([tracemalloc.Filter(False, "*tracemalloc.py")])
    return sorted((s.traceback[0].lineno, s.size, s.count) for s in script.statistics("lineno"))


def make(n):
    return [(i,) for i in range(n)], [(i, i) for i in range(n)], [(i, i, i) for i in range(n)]


gc.collect()
if sys.version_info < (3, 11):
    print("3.8 to 3.10: skipped")
else:
    # the traced memory around snapshots, and what later allocations find
    # on the free lists the snapshots' code left
    tracemalloc.start()
    m = [None] * 12
    m[0] = tracemalloc.get_traced_memory()
    s1 = tracemalloc.take_snapshot()
    m[1] = tracemalloc.get_traced_memory()
    a = make(3)
    m[2] = tracemalloc.get_traced_memory()
    s2 = tracemalloc.take_snapshot()
    m[3] = tracemalloc.get_traced_memory()
    b = make(4)
    f = [1.5 * i for i in range(5)]
    d = {i: i for i in range(3)}
    m[4] = tracemalloc.get_traced_memory()
    s3 = tracemalloc.take_snapshot()
    m[5] = tracemalloc.get_traced_memory()
    del s1
    m[6] = tracemalloc.get_traced_memory()
    c = make(5)
    l = [[i] for i in range(3)]
    m[7] = tracemalloc.get_traced_memory()
    s4 = tracemalloc.take_snapshot()
    m[8] = tracemalloc.get_traced_memory()
    m[9] = gc.get_count()
    tracemalloc.stop()
    for pair in m[:10]:
        print(pair)
    for s in (s2, s3, s4):
        print(len(s.traces), at_lines(s))
