# The cyclic garbage `import tracemalloc` leaves waits in generation 1 on
# 3.11 (a collection of generation 0 alone frees none of it): CPython's
# automatic collections of generation 0 while these thousand instances are
# made park nothing on the free lists, so the figures stay known until the
# first collection of generation 1 could come.
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


tracemalloc.start()
points = [Point(i, -i) for i in range(1000)]
print(tracemalloc.get_traced_memory())
