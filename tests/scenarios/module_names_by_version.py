# Module functions that exist only from some version: hasattr() and
# getattr() with a default see them as the profile's CPython does, and
# calling one that is missing is the AttributeError CPython raises.
import gc
import itertools
import math
import operator
import sys
import tracemalloc
import functools

gc.collect()
print("tracemalloc.reset_peak", hasattr(tracemalloc, "reset_peak"))
print("gc.is_finalized", hasattr(gc, "is_finalized"))
print("math.lcm", hasattr(math, "lcm"))
print("operator.call", hasattr(operator, "call"))
print("itertools.pairwise", hasattr(itertools, "pairwise"))
print("functools.cache", hasattr(functools, "cache"))
print("sys.exception", hasattr(sys, "exception"))
print(getattr(tracemalloc, "reset_peak", None) is None)

tracemalloc.start()
lst = [0] * 100
del lst
tracemalloc.reset_peak() if hasattr(tracemalloc, "reset_peak") else None
print("peak above current", tracemalloc.get_traced_memory()[1] > tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
try:
    tracemalloc.reset_peak()
    print("reset_peak called")
except AttributeError as e:
    print("AttributeError:", e)
