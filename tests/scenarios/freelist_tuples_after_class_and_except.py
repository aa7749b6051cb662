# Which tuple free lists hold a block after a class statement and after a
# caught TypeError, right after a full collection emptied them: a new tuple
# taken from a free list adds nothing to generation 0's count.
import gc


def probe(label):
    before = gc.get_count()[0]
    pair = divmod(7, 2)
    single = (len(label),)
    print(label, gc.get_count()[0] - before)
    del pair, single


gc.collect()
probe("after collect")
gc.collect()


class Point:
    def __init__(self, x):
        self.x = x


probe("after class")
gc.collect()
try:
    len(5)
except TypeError as error:
    pass
probe("after caught TypeError")
