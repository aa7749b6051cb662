# `with memoryview(x) as m:` in the heap: the bound __enter__/__exit__, the
# view and managed buffer alive inside the block and released on exit (the
# export ends, the objects live until `del`), and a strided slice
# assignment's scratch block in tracemalloc's peak.
import tracemalloc, gc
gc.collect()
ba = bytearray(b'abcdef')
r = []
tracemalloc.start()
c0 = gc.get_count()[0]
t0 = tracemalloc.get_traced_memory()[0]
with memoryview(ba) as m:
    r.append(tracemalloc.get_traced_memory()[0] - t0)
    m[0] = 65
r.append(tracemalloc.get_traced_memory()[0] - t0)
r.append(tracemalloc.get_traced_memory()[1] - t0)
r.append(gc.get_count()[0] - c0)
del m
r.append(tracemalloc.get_traced_memory()[0] - t0)
t0 = tracemalloc.get_traced_memory()[0]
s = m2 = memoryview(ba)[::2]
m2[0:2] = b'xy'
r.append(tracemalloc.get_traced_memory()[1] - t0)
tracemalloc.stop()
print(r, ba)
