import gc
import sys


class Record:
    def __init__(self, key):
        self.key = key


gc.collect()
# adding and deleting instance attributes: the instance's own size does not change
payload = [1, 2, 3]
r = Record("k")
base = sys.getsizeof(r)
r.data = payload
r.more = payload
print(sys.getsizeof(r) == base, sys.getrefcount(payload))
del r.more
print(sys.getrefcount(payload))
r.data = None
print(sys.getrefcount(payload), r.data)
r.data = payload
other = Record("o")
other.data = payload
print(sys.getrefcount(payload))
del r
print(sys.getrefcount(payload))
other = None
print(sys.getrefcount(payload))
recs = [Record(i) for i in range(5)]
for x in recs:
    x.data = payload
print(sys.getrefcount(payload), len(gc.get_referrers(payload)))
recs.clear()
x = None
print(sys.getrefcount(payload), gc.collect())
