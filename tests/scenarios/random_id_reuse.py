import gc
import random
import sys

gc.collect()
random.seed(31337)
# A float made and dropped by random() gives its block back: the next float
# (a free-list or pymalloc block) takes it.
f = random.random()
fid = id(f)
del f
g = random.random()
print('float block reused:', id(g) == fid)
# Ints of getrandbits: new objects above 256, the cached small ints below.
a = random.getrandbits(8)
print('small int cached:', a is int(str(a)))
b = random.getrandbits(40)
bid = id(b)
del b
c = random.getrandbits(40)
print('int block reused:', id(c) == bid)
# The temporaries of randrange and randint (widths, sums, draws, bound
# methods, frames) are freed before the next object is made.
ids = []
for i in range(6):
    n = random.randrange(10**12, 10**13)
    ids.append(id(n))
    del n
print('randrange results share one block:', len(set(ids)))
print('randint results:', [random.randint(10**15, 10**16) % 1000 for _ in range(4)])
lst = [[i] for i in range(10)]
refs = [sys.getrefcount(x) for x in lst]
for _ in range(20):
    random.choice(lst)
random.shuffle(lst)
print('refcounts unchanged:', sorted(sys.getrefcount(x) for x in lst) == sorted(refs))
picked = random.choice(lst)
print('choice returns the item itself:', any(picked is x for x in lst), sys.getrefcount(picked))
t = (1.5, 2.5, 'x', None)
print([random.choice(t) for _ in range(6)])
s = 'hello world'
print(''.join(random.choice(s) for _ in range(12)))
print([random.choice(range(10, 100, 5)) for _ in range(6)])
print(gc.collect())
