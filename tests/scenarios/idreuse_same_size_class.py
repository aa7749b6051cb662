import gc


class Box:
    def __init__(self, v):
        self.v = v


gc.collect()
# objects of different types but the same block size share freed blocks
n = int("12345")
i1 = n + 1000
c1 = complex(n, 1)
iid = id(i1)
del i1
c2 = complex(n, 2)
print("int block reused by complex:", id(c2) == iid)
cid = id(c2)
del c2
i2 = n + 2000
print("complex block reused by int:", id(i2) == cid)
f1 = n * 0.5
fid = id(f1)
del f1
i3 = n + 3000
print("float slot reused by int:", id(i3) == fid)
two = len("ab")
s1 = "abcd" * two
sid = id(s1)
del s1
b1 = bytes(20)
print("8-char str block reused by bytes(20):", id(b1) == sid)
b2 = bytes(100)
bid = id(b2)
del b2
s2 = "abcde" * (two * 10)
print("bytes(100) block reused by a 100-char str:", id(s2) == bid)
t = (n, n, n)
tid = id(t)
del t
l = [n]
print("tuple slot reused by list:", id(l) == tid)
st = {n}
stid = id(st)
del st
fz = frozenset([n])
print("set block reused by frozenset:", id(fz) == stid)
