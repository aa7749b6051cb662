# random.randint, choice, shuffle and uniform are random.py code: on 3.8 to
# 3.10 each code's 1024th evaluation gives it an opcache (a byte per code
# unit, 32 bytes per cached instruction), traced where it happens.
import gc
import random
import tracemalloc

random.seed(7)
gc.collect()
tracemalloc.start()
xs = [random.randint(1, 100) for _ in range(1000)]
print(tracemalloc.get_traced_memory())
xs += [random.randint(1, 100) for _ in range(100)]
print(tracemalloc.get_traced_memory())
picks = [random.choice(xs) for _ in range(1100)]
print(tracemalloc.get_traced_memory())
for _ in range(1030):
    random.shuffle(picks[:5])
print(tracemalloc.get_traced_memory())
floats = [random.uniform(0, 1) for _ in range(1100)]
print(tracemalloc.get_traced_memory(), sum(xs) + sum(picks))
