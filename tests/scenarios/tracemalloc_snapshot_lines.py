import gc
import tracemalloc


def show(stat):
    # str(stat) without the script's path (absolute from 3.9)
    text = str(stat)
    print(text[text.find(".py:") + 3:])


def label(i):
    return "label-%d" % i


N1000, N3000, N5000, N20000 = 1000, 3000, 5000, 20000
gc.collect()
# a lesson's top allocations by line: one snapshot, statistics by line
tracemalloc.start()
text = "x" * N5000
table = {i: label(i) for i in range(60)}
pairs = [(i, i + 1000) for i in range(300, 340)]
words = [label(i) for i in range(1000, 1100)]
joined = "-".join((label(1000),
                   label(2000)))
for k in range(1000, 1004):
    last = k
blob = b"y" * N20000
snap = tracemalloc.take_snapshot()
top = snap.statistics("lineno")
print(len(top))
for stat in top[:6]:
    show(stat)
first = top[0]
print(first.size, first.count, first.traceback[0].lineno, len(first.traceback))
print(snap.traceback_limit, tracemalloc.get_traceback_limit())
tracemalloc.stop()
