# The order in which list(), tuple(), list.extend, +=, unpacking, displays,
# sorted(), set(), for loops and comprehensions call __iter__ and __len__
# (the length hint), and the list sizes that hint gives.
import sys
import gc
class Count:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
class Sized:
    def __init__(self, n): self.n = n
    def __iter__(self):
        print("  iter")
        return Count(self.n)
    def __len__(self):
        print("  len")
        return self.n
gc.collect()
print("list"); l = list(Sized(3)); print(sys.getsizeof(l))
print("tuple"); t = tuple(Sized(3))
print("extend"); l = []; l.extend(Sized(3)); print(sys.getsizeof(l))
print("+="); l = []; l += Sized(3); print(sys.getsizeof(l))
print("unpack"); a, *b = Sized(3); print(sys.getsizeof(b))
print("display"); l = [*Sized(3)]; print(sys.getsizeof(l))
print("sorted"); l = sorted(Sized(3)); print(sys.getsizeof(l))
print("set"); s = set(Sized(3))
print("for"); 
for x in Sized(2): pass
print("comp"); l = [x for x in Sized(2)]
