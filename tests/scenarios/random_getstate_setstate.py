import gc
import random
import sys
import tracemalloc

gc.collect()
random.seed(424242)
# getstate() is (3, 625 ints, None); setstate() replays the sequence.
state = random.getstate()
print(type(state).__name__, len(state), state[0], len(state[1]), state[2], state[1][-1])
print(state[1][:3], sys.getsizeof(state), sys.getsizeof(state[1]))
first = [random.random() for _ in range(3)] + [random.getrandbits(70), random.randrange(1000)]
print(random.getstate()[1][-1])
random.setstate(state)
again = [random.random() for _ in range(3)] + [random.getrandbits(70), random.randrange(1000)]
print(first == again, first)
# The state's ints: words of 2 digits above 2**30, small ones cached.
words = state[1]
print(sum(1 for w in words[:-1] if w >= 2**30) > 300, sum(sys.getsizeof(w) for w in words[:-1]) // 624)
print(sys.getrefcount(state), sys.getrefcount(words))
del state, words
# What getstate() and setstate() allocate, read without printing between.
gc.collect()
rec = [None] * 8
saved = random.getstate()
tracemalloc.start()
rec[0] = tracemalloc.get_traced_memory()
s2 = random.getstate()
rec[1] = tracemalloc.get_traced_memory()
random.setstate(saved)
rec[2] = tracemalloc.get_traced_memory()
del s2
rec[3] = tracemalloc.get_traced_memory()
s3 = random.getstate()
rec[4] = tracemalloc.get_traced_memory()
tracemalloc.stop()
for i in range(1, 5):
    print(rec[i][0] - rec[0][0], rec[i][1] - rec[0][0])
print(s3 == saved, s3 is saved)
gc.collect()
counts = [gc.get_count()]
s4 = random.getstate()
counts.append(gc.get_count())
random.setstate(s4)
counts.append(gc.get_count())
print(counts)
