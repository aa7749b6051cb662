# As startup_free_lists_tracemalloc, with gc imported first: its import
# takes dicts and tuples from the free lists before tracemalloc's does.
import gc
import tracemalloc

keep = [None] * 40
x = 1000
tracemalloc.start()
keep[0] = x + 0.5
keep[1] = x + 0.5
keep[2] = x + 0.5
keep[3] = x + 0.5
keep[4] = x + 0.5
keep[5] = x + 0.5
print("floats", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
tracemalloc.start()
keep[0] = [x]
keep[1] = [x]
keep[2] = [x]
keep[3] = [x]
keep[4] = [x]
keep[5] = [x]
print("lists", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
tracemalloc.start()
keep[0] = {}
keep[1] = {}
keep[2] = {}
keep[3] = {}
keep[4] = {}
keep[5] = {}
print("dicts", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
tracemalloc.start()
keep[0] = (x,)
keep[1] = (x,)
keep[2] = (x,)
keep[3] = (x,)
keep[4] = (x,)
keep[5] = (x,)
print("1-tuples", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
tracemalloc.start()
keep[0] = (x, x)
keep[1] = (x, x)
keep[2] = (x, x)
keep[3] = (x, x)
keep[4] = (x, x)
keep[5] = (x, x)
print("2-tuples", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
tracemalloc.start()
keep[0] = (x, x, x)
keep[1] = (x, x, x)
keep[2] = (x, x, x)
keep[3] = (x, x, x)
keep[4] = (x, x, x)
keep[5] = (x, x, x)
print("3-tuples", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
tracemalloc.start()
keep[0] = (x, x, x, x, x, x, x)
keep[1] = (x, x, x, x, x, x, x)
keep[2] = (x, x, x, x, x, x, x)
keep[3] = (x, x, x, x, x, x, x)
keep[4] = (x, x, x, x, x, x, x)
keep[5] = (x, x, x, x, x, x, x)
print("7-tuples", tracemalloc.get_traced_memory()[0])
tracemalloc.stop()
