# An attribute's name is one of its code object's co_names, made when the
# script is compiled: the first store or read of an attribute while
# tracing allocates no str for the name.
import gc
import tracemalloc


class Record:
    def __init__(self):
        self.payload = 1
        self.checksum_value = 2


class Empty:
    pass


gc.collect()
tracemalloc.start()
r = Record()
print(tracemalloc.get_traced_memory())
e = Empty()
e.label_text = "x"
print(tracemalloc.get_traced_memory())
print(hasattr(e, "label_text"), e.label_text)
del r
print(tracemalloc.get_traced_memory())
