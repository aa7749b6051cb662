import gc
import sys
import tracemalloc


def show(stat):
    # str(stat) without the script's path (absolute from 3.9)
    text = str(stat)
    print(text[text.find(".py:") + 3:])


def own(snapshot):
    # what tracemalloc.py's own objects take: size and count, no path
    mine = snapshot.filter_traces([tracemalloc.Filter(True, "*tracemalloc.py")])
    stats = mine.statistics("filename")
    return (stats[0].size, stats[0].count) if stats else (0, 0)


gc.collect()
if sys.version_info < (3, 11):
    # take_snapshot() is refused on 3.8 to 3.10 (heap frames)
    print("3.8 to 3.10: skipped")
else:
    # the canonical lesson: snapshot, allocate, snapshot, compare
    tracemalloc.start()
    snap1 = tracemalloc.take_snapshot()
    data = [str(i) * 10 for i in range(1000)]
    pairs = [(i, -i) for i in range(300, 340)]
    snap2 = tracemalloc.take_snapshot()
    snap3 = tracemalloc.take_snapshot()
    print(len(snap1.traces), len(snap2.traces), len(snap3.traces))
    tracemalloc.stop()
    print(own(snap1), own(snap2), own(snap3))
    # unfiltered: tracemalloc.py's lines tie among themselves (by line)
    for stat in snap2.compare_to(snap1, "lineno")[:4]:
        print(stat.size_diff, stat.count_diff)
    script = [tracemalloc.Filter(False, "*tracemalloc.py")]
    new = snap2.filter_traces(script)
    old = snap1.filter_traces(script)
    for stat in new.compare_to(old, "lineno")[:3]:
        show(stat)
    top = snap3.filter_traces(script).compare_to(new, "lineno")
    print(len(top), top[0].size_diff, top[0].count_diff)
    diffs = snap3.compare_to(snap2, "filename")
    print(len(diffs), sum(d.size_diff for d in diffs), sum(d.count_diff for d in diffs))
