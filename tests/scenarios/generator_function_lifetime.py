# A generator function's generator keeps its frame: the arguments stay
# referenced until it finishes, a finished generator lets go of them, its
# frame (a heap frame object before 3.11) and gc counts; id reuse after an
# exhausted generator is freed; tracemalloc around creating and running one.
import sys
import gc
import tracemalloc


def repeat(item, times):
    i = 0
    while i < times:
        yield item
        i += 1


def pairs(items):
    for item in items:
        yield item, item


def chunks(data, size):
    start = 0
    while start < len(data):
        yield data[start:start + size]
        start += size


gc.collect()
items = [1, 2]
g = pairs(items)
list(g)
old = id(g)
del g
g = pairs(items)
print(id(g) == old)
list(g)
del g
payload = [0] * 10
print(sys.getrefcount(payload))
g = repeat(payload, 2)
print(sys.getrefcount(payload))
print(next(g) is payload, sys.getrefcount(payload))
print(len(list(g)), sys.getrefcount(payload))
print(list(g), next(g, 'done'))

gc.collect()
c0 = gc.get_count()[0]
g = pairs(payload)
c1 = gc.get_count()[0]
first = next(g)
c2 = gc.get_count()[0]
rest = list(g)
c3 = gc.get_count()[0]
print(c1 - c0, c2 - c1, c3 - c2, len(rest), gc.is_tracked(g))

del g
g = pairs([1, 2])
print(list(g))
del g

text = 'abcdefghij' * 3
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
g = chunks(text, 7)
made = tracemalloc.get_traced_memory()[0]
first = next(g)
running = tracemalloc.get_traced_memory()[0]
rest = list(g)
done = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(made - before, running - made, len(rest), sys.getsizeof(first))
print([sys.getsizeof(part) for part in rest])
del g
print(sum(repeat(3, 4)), max(pairs('xyz')), sorted(repeat('q', 2)))
print(tuple(chunks([1, 2, 3, 4, 5], 2)))
print(dict(pairs('ab')), set(repeat(1, 3)))
print(sys.getrefcount(payload))
