import gc
import tracemalloc


def where(frame_line):
    # '  File "PATH", line N' without the path
    return frame_line[frame_line.find(", line"):] if frame_line.startswith("  File") else frame_line


def leaf(n):
    return "leaf %d" % n * 40


def middle(n):
    return [leaf(i) for i in range(n)]


def outer():
    return middle(30)


N1000, N3000, N5000, N20000 = 1000, 3000, 5000, 20000
gc.collect()
# tracebacks of three frames: statistics by traceback, cumulative, format()
tracemalloc.start(3)
kept = outer()
more = middle(5)
snap = tracemalloc.take_snapshot()
mine = snap.filter_traces([tracemalloc.Filter(True, "*snapshot_tracebacks.py")])
for stat in mine.statistics("traceback")[:3]:
    print(stat.size, stat.count, len(stat.traceback))
    for line in stat.traceback.format():
        print(where(line))
    print([where(line) for line in stat.traceback.format(limit=1, most_recent_first=True)])
for stat in mine.statistics("lineno", cumulative=True)[:4]:
    print(stat.traceback[0].lineno, stat.size, stat.count)
print(snap.traceback_limit, tracemalloc.get_traceback_limit())
tracemalloc.stop()
print(tracemalloc.get_traceback_limit())
