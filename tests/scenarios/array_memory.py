# array.array in the heap: tracemalloc deltas of the object and its item
# buffer (realloc'd as it grows), id reuse, refcounts, GC tracking (3.10+,
# a heap type with GC) and what arrays hold.
import sys, gc, tracemalloc
import array
gc.collect()

def traced():
    return tracemalloc.get_traced_memory()[0]

print(gc.is_tracked(array.array('i')), gc.is_tracked(array.array('d', [1.5])))
# Measured with no print in between (stdout's buffering allocates), the
# figures printed after tracing stops.
r = [0] * 16
tracemalloc.start()
base = traced()
a = array.array('i')
r[0] = traced() - base
a.append(1)
r[1] = traced() - base
for i in range(100):
    a.append(i)
r[2] = traced() - base
b = array.array('d', range(1000))
r[3] = traced() - base
c = b[100:200]
r[4] = traced() - base
del b
r[5] = traced() - base
data = c.tobytes()
r[6] = traced() - base
lst = c.tolist()
r[7] = traced() - base
del lst, data
r[8] = traced() - base
del a, c
r[9] = traced() - base
x = array.array('q', [2**40] * 50)
x *= 4
r[10] = traced() - base
x += x
r[11] = traced() - base
del x
r[12] = traced() - base
y = array.array('f', [1, 2, 3])
r[13] = traced() - base
y.extend(range(300, 320))
r[14] = traced() - base
peak = tracemalloc.get_traced_memory()[1]
r[15] = peak > r[14]
tracemalloc.stop()
print(r)

# id reuse: a freed array's block is the next array's.
a = array.array('i', [1, 2, 3])
first = id(a)
del a
b = array.array('i', [4, 5, 6])
print(id(b) == first)

# Refcounts: items are values, not references.
n = 10**6
a = array.array('l', [n, n, n])
print(sys.getrefcount(n), sys.getrefcount(a))
item = a[0]
print(item == n, item is n, sys.getrefcount(a))
it = iter(a)
print(sys.getrefcount(a), next(it), list(it))
del it
print(sys.getrefcount(a))
holder = [a, a]
print(sys.getrefcount(a))
del holder
d = {'k': a}
print(sys.getrefcount(a))
del d
gc.collect()
print(gc.collect())
# What the collector sees: from 3.10 an array and its iterator visit their
# (heap) type.
a = array.array('h', [7])
print(gc.get_referents(a), gc.get_referents(iter(a)), gc.is_tracked(iter(a)))
