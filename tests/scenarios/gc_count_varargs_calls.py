# gc module functions that take their arguments as a tuple (METH_VARARGS):
# after a full collection empties the free lists, the argument tuple comes
# from fresh memory and goes back to a free list, leaving generation 0's
# count one higher; the functions with other conventions leave it alone.
# (The counts are printed at the end: 3.11's print counts one more right
# after a collection.)
import gc

x = [1]
gc.collect()
start = gc.get_count()[0]
gc.set_threshold(700)
one = gc.get_count()[0]
gc.collect()
gc.set_threshold(700, 10)
two = gc.get_count()[0]
gc.collect()
gc.set_threshold(700, 10, 10)
three = gc.get_count()[0]
gc.set_threshold(700, 10, 10)
again = gc.get_count()[0]
gc.collect()
n = len(gc.get_referents(x))
referents = gc.get_count()[0]
gc.collect()
gc.is_tracked(x)
gc.isenabled()
gc.set_debug(0)
others = gc.get_count()[0]
gc.collect()
threshold = gc.get_threshold()[0]
after_threshold = gc.get_count()[0]
gc.collect()
r = gc.get_referrers(x)
referrers = gc.get_count()[0]
print("start", start)
print("set_threshold(700)", one)
print("set_threshold(700, 10)", two)
print("set_threshold(700, 10, 10)", three, "again", again)
print("get_referents", n, referents)
print("one-argument and no-argument calls", others)
print("get_threshold", threshold, after_threshold)
print("get_referrers", len(r), referrers)
