# sorted(), list.sort(), min() and max() over instances whose class defines
# comparisons: CPython's sequence of calls (one class: the slot first, again
# through the whole protocol on NotImplemented), references held, the list
# empty while it is sorted, reflected methods and TypeErrors.
import sys
import gc
class V:
    def __init__(self, n, lst=None): self.n = n; self.lst = lst
    def __lt__(self, o):
        extra = len(self.lst) if self.lst is not None else -1
        print("lt", self.n, o.n, sys.getrefcount(self), sys.getrefcount(o), extra)
        return self.n < o.n
    def __repr__(self): return "V" + str(self.n)
gc.collect()
lst = []
lst.extend([V(3, lst), V(1, lst), V(2, lst)])
lst.sort()
print(lst)
print(sorted([V(5), V(4), V(6)]))
print(min(V(2), V(1), V(3)), max([V(2), V(9), V(3)]))
class G:
    def __init__(self, n): self.n = n
    def __gt__(self, o):
        print("gt", self.n, o.n)
        return self.n > o.n
    def __repr__(self): return "G" + str(self.n)
print(max([G(1), G(3), G(2)]))
try: print(min([G(1), G(3), G(2)]))
except TypeError as e: print(e)
print(sorted([G(2), G(1)]))
class NI:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        print("NI lt", self.n)
        return NotImplemented
    def __gt__(self, o):
        print("NI gt", self.n)
        return self.n > o.n
print([x.n for x in sorted([NI(2), NI(1), NI(3)])])
try: sorted([V(1), 3])
except TypeError as e: print(e)
print(sorted([V(2), V(1)], reverse=True))
