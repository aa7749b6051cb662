# memoryview in the heap: the view (184 bytes, GC-tracked) and the managed
# buffer it shares with its slices (128 bytes, GC-tracked until the last
# view is released); tracemalloc deltas and generation-0 counts on creation,
# slicing, views of views, release and deletion; the exporter's refcount
# (the managed buffer holds it) and what gc sees.
import sys, gc, tracemalloc
gc.collect()
gc.disable()

def traced():
    return tracemalloc.get_traced_memory()[0]

b = b'abcdefgh'
ba = bytearray(b'abcdefgh')
r = [0] * 24
tracemalloc.start()
base = traced()
c0 = gc.get_count()[0]
m = memoryview(ba)
r[0] = traced() - base
r[1] = gc.get_count()[0] - c0
base = traced()
c0 = gc.get_count()[0]
m2 = m[1:3]
r[2] = traced() - base
r[3] = gc.get_count()[0] - c0
base = traced()
c0 = gc.get_count()[0]
m3 = memoryview(m)
r[4] = traced() - base
r[5] = gc.get_count()[0] - c0
base = traced()
c0 = gc.get_count()[0]
m4 = m[::2]
r[6] = traced() - base
r[7] = gc.get_count()[0] - c0
base = traced()
c0 = gc.get_count()[0]
del m2
r[8] = traced() - base
r[9] = gc.get_count()[0] - c0
base = traced()
m.release()
r[10] = traced() - base
base = traced()
c0 = gc.get_count()[0]
del m, m3, m4
r[11] = traced() - base
r[12] = gc.get_count()[0] - c0
base = traced()
mb = memoryview(b)
r[13] = traced() - base
base = traced()
data = mb.tobytes()
r[14] = traced() - base
base = traced()
copy = bytearray(mb[2:6])
r[15] = traced() - base
base = traced()
lst = mb.tolist()
r[16] = traced() - base
base = traced()
shape = mb.shape
r[17] = traced() - base
tracemalloc.stop()
print(r)

print(sys.getsizeof(memoryview(b)), sys.getsizeof(memoryview(ba)[1:2]), sys.getsizeof(mb[::3]))
print(sys.getrefcount(ba))
v1 = memoryview(ba)
print(sys.getrefcount(ba))
v2 = v1[2:]
v3 = memoryview(v2)
print(sys.getrefcount(ba))
v1.release()
v2.release()
print(sys.getrefcount(ba))
v3.release()
print(sys.getrefcount(ba))
del v1, v2, v3
print(sys.getrefcount(ba))
v = memoryview(ba)
print(gc.is_tracked(v), len(gc.get_referents(v)), type(gc.get_referents(v)[0]).__name__)
mbuf = gc.get_referents(v)[0]
print(gc.is_tracked(mbuf), gc.get_referents(mbuf)[0] is ba)
v.release()
print(gc.is_tracked(mbuf), gc.get_referents(mbuf), sys.getrefcount(mbuf))
del mbuf, v
# A view in a reference cycle: the collector releases it.
holder = [memoryview(ba)]
holder.append(holder)
del holder
gc.enable()
print(gc.collect())
ba.append(33)
print(ba)
