# A failing int(x) of a str, bytes or bytearray, right after a full
# collection emptied the free lists, then new 1-tuples while tracing: on
# 3.12 the conversion raises its ValueError twice (the first exception is
# made and dropped), so one more tuple waits on the free list; with an
# explicit base it does not.
import gc
import tracemalloc

keep = [None] * 20
x = 1000

gc.collect()
try:
    int('x12')
except ValueError:
    pass
tracemalloc.start()
keep[0] = (x,)
keep[1] = (x,)
keep[2] = (x,)
keep[3] = (x,)
print("str", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep[0] = keep[1] = keep[2] = keep[3] = None

gc.collect()
try:
    int(b'x12')
except ValueError:
    pass
tracemalloc.start()
keep[0] = (x,)
keep[1] = (x,)
keep[2] = (x,)
keep[3] = (x,)
print("bytes", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep[0] = keep[1] = keep[2] = keep[3] = None

gc.collect()
try:
    int(bytearray(b'12x'))
except ValueError:
    pass
tracemalloc.start()
keep[0] = (x,)
keep[1] = (x,)
keep[2] = (x,)
keep[3] = (x,)
print("bytearray", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep[0] = keep[1] = keep[2] = keep[3] = None

gc.collect()
try:
    int(' ')
except ValueError:
    pass
tracemalloc.start()
keep[0] = (x,)
keep[1] = (x,)
keep[2] = (x,)
keep[3] = (x,)
print("blank", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep[0] = keep[1] = keep[2] = keep[3] = None

gc.collect()
try:
    int('x12', 10)
except ValueError:
    pass
tracemalloc.start()
keep[0] = (x,)
keep[1] = (x,)
keep[2] = (x,)
keep[3] = (x,)
print("base 10", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep[0] = keep[1] = keep[2] = keep[3] = None

gc.collect()
try:
    int(' 42 ')
except ValueError:
    pass
tracemalloc.start()
keep[0] = (x,)
keep[1] = (x,)
keep[2] = (x,)
keep[3] = (x,)
print("parsed", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
keep[0] = keep[1] = keep[2] = keep[3] = None
