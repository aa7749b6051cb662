# The classic lesson: reference cycles left to the collector, then
# gc.collect(). 100 pairs before the first collection: CPython 3.8 and 3.9
# start so close to threshold0 that an automatic collection runs among them
# at a point heapsim does not know (it refuses there: a known gap); from
# 3.10 it surely has not, and gc.collect() finds every pair. No gc.collect()
# at the start: the window before the first full collection is what this
# scenario is about.
import gc


class Node:
    def __init__(self):
        self.other = None


for i in range(100):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
del a, b
print(gc.collect())
