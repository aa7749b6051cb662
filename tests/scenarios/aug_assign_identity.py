import gc
import sys

gc.collect()
# augmented assignment: in place for mutable types, a new object for immutable ones
lst = [1, 2]
lid = id(lst)
lst += [3]
lst *= 2
print(lst, id(lst) == lid, sys.getsizeof(lst))
tup = (1, 2)
tid = id(tup)
tup += (3,)
print(tup, id(tup) == tid)
st = {1, 2}
sid = id(st)
st |= {3, 4}
st -= {1}
print(sorted(st), id(st) == sid, sys.getsizeof(st))
big = 10 ** 9
bid = id(big)
big += 1
print(big, id(big) == bid)
small = 5
small += 1
six = 6
print(small is six)
fl = 1.5
fid = id(fl)
fl *= 2
print(fl, id(fl) == fid)
n = 100
n //= 7
n %= 5
four = 4
print(n, n is four)
d = {"a": 1}
did = id(d)
d.update({"b": 2})
d["c"] = 3
print(d, id(d) == did)
alias = lst
lst += [9]
print(alias is lst, len(alias))
lst = lst + [10]
print(alias is lst, len(alias), len(lst))
ba = bytearray(b"ab")
baid = id(ba)
ba += b"cd"
print(ba, id(ba) == baid)
by = b"ab"
byid = id(by)
by += b"cd"
print(by, id(by) == byid)
