# Self-referencing instances with __del__ left to the automatic collector:
# from 3.12 the collection an allocation schedules runs at the next
# eval-breaker check, where heapsim runs the finalizers (3.13 collects
# later); before 3.12 it runs inside the allocation, which heapsim refuses
# (a known gap).
import gc


class Node:
    count = 0

    def __init__(self, i):
        self.i = i
        self.me = self

    def __del__(self):
        Node.count += 1
        if self.i % 100 == 0:
            print("finalize", self.i, gc.get_count()[0] < 20)


gc.collect()
for i in range(1500):
    n = Node(i)
print("loop done", Node.count)
gc.collect()
print("collected", Node.count)
