# A range holds its start, stop and step (the arguments themselves) and a
# length int that compute_range_length makes: before 3.12 by int
# arithmetic (hi - lo, minus 1, floor-divided by the step, plus 1), whose
# temporaries the peak sees; from 3.12 in C. Indexing a range computes
# start + i * step with ints, a negative index first added to the length.
# A membership test of an int within the bounds makes value - start and
# its remainder by the step; any other item is compared with every int
# of the range in turn (3.0 is in range(10), 2.5 is not).
import gc
import tracemalloc


def made(label, make):
    tracemalloc.start()
    value = make()
    print(label, tracemalloc.get_traced_memory())
    tracemalloc.stop()
    return value


gc.collect()
n = 1000
made("warm-up", lambda: range(3))
made("range(257)", lambda: range(257))
made("range(n)", lambda: range(n))
made("range(5, n, 7)", lambda: range(5, n, 7))
made("range(n, 0, -3)", lambda: range(n, 0, -3))
made("range(300, 20, -300)", lambda: range(300, 20, -300))
made("range(10)", lambda: range(10))
r = range(0, 100000, 3)
made("r[7]", lambda: r[7])
made("r[5000]", lambda: r[5000])
made("r[-3]", lambda: r[-3])
made("r[-30000]", lambda: r[-30000])
made("3000 in r", lambda: 3000 in r)
made("3001 in r", lambda: 3001 in r)
made("-7 in r", lambda: -7 in r)
made("9 in r", lambda: 9 in r)
print(3.0 in range(10), 2.5 in range(10), True in range(3), "a" in range(3))
kept = made("kept", lambda: range(len(r)))
print(len(kept), kept[-1], r[1:4])
