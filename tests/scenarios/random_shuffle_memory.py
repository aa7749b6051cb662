import gc
import random
import sys
import tracemalloc

gc.collect()
random.seed(2024)
# shuffle works in place: the same list object, the same items.
items = list(range(20))
ident = id(items)
random.shuffle(items)
print(items, id(items) == ident, sorted(items) == list(range(20)))
words = ['w%d' % i for i in range(8)]
before = [sys.getrefcount(w) for w in words]
random.shuffle(words)
print(words, [sys.getrefcount(w) for w in sorted(words)] == before)
empty = []
random.shuffle(empty)
one = [1]
random.shuffle(one)
print(empty, one)
big = [i * 1000 for i in range(300)]
random.shuffle(big)
print(big[:10], sum(big))
# What each call leaves traced (readings kept, printed at the end): the
# frames random.py's functions keep before 3.11, the results, nothing else.
rec = [None] * 30
marks = []
gc.collect()
tracemalloc.start()
rec[0] = tracemalloc.get_traced_memory()
random.seed(10)
rec[1] = tracemalloc.get_traced_memory()
random.seed(-10**30)
rec[2] = tracemalloc.get_traced_memory()
x = random.random()
rec[3] = tracemalloc.get_traced_memory()
del x
rec[4] = tracemalloc.get_traced_memory()
x = random.getrandbits(100)
rec[5] = tracemalloc.get_traced_memory()
del x
rec[6] = tracemalloc.get_traced_memory()
x = random.randrange(10**6)
rec[7] = tracemalloc.get_traced_memory()
del x
rec[8] = tracemalloc.get_traced_memory()
x = random.randrange(10**6)
rec[9] = tracemalloc.get_traced_memory()
del x
rec[10] = tracemalloc.get_traced_memory()
x = random.randrange(5, 10**6)
rec[11] = tracemalloc.get_traced_memory()
del x
rec[12] = tracemalloc.get_traced_memory()
x = random.randrange(5, 10**6, 3)
rec[13] = tracemalloc.get_traced_memory()
del x
rec[14] = tracemalloc.get_traced_memory()
x = random.randint(1, 10**9)
rec[15] = tracemalloc.get_traced_memory()
del x
rec[16] = tracemalloc.get_traced_memory()
x = random.choice(big)
rec[17] = tracemalloc.get_traced_memory()
del x
rec[18] = tracemalloc.get_traced_memory()
x = random.uniform(0, 10)
rec[19] = tracemalloc.get_traced_memory()
del x
rec[20] = tracemalloc.get_traced_memory()
random.shuffle(big)
rec[21] = tracemalloc.get_traced_memory()
random.shuffle(big)
rec[22] = tracemalloc.get_traced_memory()
kept = [random.random() for _ in range(100)]
rec[23] = tracemalloc.get_traced_memory()
ints = [random.getrandbits(60) for _ in range(100)]
rec[24] = tracemalloc.get_traced_memory()
wide = [random.getrandbits(200) for _ in range(10)]
rec[25] = tracemalloc.get_traced_memory()
tracemalloc.stop()
labels = ['seed', 'seed(-10**30)', 'random()', 'del', 'getrandbits(100)', 'del',
          'randrange(n)', 'del', 'again', 'del', 'randrange(a, b)', 'del',
          'randrange(a, b, 3)', 'del', 'randint', 'del', 'choice', 'del', 'uniform', 'del',
          'shuffle', 'shuffle again', '100 floats', '100 60-bit ints', '10 200-bit ints']
base = rec[0][0]
for i in range(1, 26):
    print(labels[i - 1], rec[i][0] - base, rec[i][1] - base)
# GC-tracked temporaries (bound methods, frames before 3.11, seed's super
# object) as generation-0 counts, read without printing in between.
gc.collect()
counts = [gc.get_count()]
random.seed(1)
counts.append(gc.get_count())
random.randrange(100)
counts.append(gc.get_count())
random.randrange(100)
counts.append(gc.get_count())
random.shuffle(items)
counts.append(gc.get_count())
random.randint(1, 3)
counts.append(gc.get_count())
random.choice(items)
counts.append(gc.get_count())
print(counts)
