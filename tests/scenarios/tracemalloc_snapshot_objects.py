import gc
import tracemalloc


class Box:
    def __init__(self, size):
        self.data = "b" * size


def fill():
    return Box(N1000)


N1000, N3000, N5000, N20000 = 1000, 3000, 5000, 20000
gc.collect()
# get_object_traceback: the line (and callers) that allocated a traced block
tracemalloc.start(4)
box = fill()
tb = tracemalloc.get_object_traceback(box.data)
print(len(tb), tb[0].lineno, tb[1].lineno, tb[2].lineno, tb[-1].lineno)
print(tb.format()[-2].endswith(", line 7"), tb.format()[-1])
tracemalloc.stop()
print(tracemalloc.get_object_traceback(box.data))
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print(e)
