import gc
import tracemalloc


def show(stat):
    text = str(stat)
    print(text[text.find(".py:") + 3:])


def make(n):
    return ["item %d" % i for i in range(n)]


N1000, N3000, N5000, N20000 = 1000, 3000, 5000, 20000
gc.collect()
# statistics of a snapshot filtered to the script's lines, by line and by file
tracemalloc.start()
small = make(10)
large = make(200)
blob = "z" * N3000
snap = tracemalloc.take_snapshot()
mine = snap.filter_traces([tracemalloc.Filter(True, "*snapshot_filters.py")])
for stat in mine.statistics("lineno"):
    show(stat)
for stat in mine.statistics("filename"):
    show(stat)
one = snap.filter_traces([tracemalloc.Filter(True, "*snapshot_filters.py", lineno=11)])
for stat in one.statistics("lineno"):
    show(stat)
others = snap.filter_traces([tracemalloc.Filter(False, "*snapshot_filters.py"),
                             tracemalloc.Filter(False, "<unknown>")])
print(len(others.statistics("lineno")) <= 2)
none = snap.filter_traces([tracemalloc.DomainFilter(False, 0)])
print(len(none.traces), none.statistics("lineno"))
f = tracemalloc.Filter(False, "x.pyc", lineno=3, all_frames=True)
print(f.inclusive, f.filename_pattern, f.lineno, f.all_frames, f.domain)
print(len(mine.traces) == sum(s.count for s in mine.statistics("lineno")))
tracemalloc.stop()
