# gen-0 count after one statement that calls a builtin: argument tuples of
# builtins called through tp_call / METH_VARARGS (zip always; enumerate, min
# and max on some versions), keyword dicts, zip's result tuple made before
# an exhausted iterator is noticed, type(x) and dict(k=v) through vectorcall,
# the startup slice cache.
import gc

src = [1, 2, 3, 4, 5]
tsrc = (1, 2, 3)
dsrc = {1: 2, 3: 4}
gc.collect()
results = []


def measure(name, c):
    results.append((name, c))


gc.collect(); a = zip(src, src); c = gc.get_count()[0]; del a; measure('zip2', c)
gc.collect(); a = zip(src); c = gc.get_count()[0]; del a; measure('zip1', c)
gc.collect(); a = zip(); c = gc.get_count()[0]; del a; measure('zip0', c)
gc.collect(); a = list(zip(src, src)); c = gc.get_count()[0]; del a; measure('list_zip', c)
gc.collect(); a = dict(zip(src, src)); c = gc.get_count()[0]; del a; measure('dict_zip', c)
gc.collect(); a = dict(zip(src, 'abcde')); c = gc.get_count()[0]; del a; measure('dict_zip_str', c)
gc.collect(); a = {k: v for k, v in zip(src, src)}; c = gc.get_count()[0]; del a; measure('dictcomp_zip', c)
for n in [0, 1, 2, 3]:
    s = list(range(n))
    z = zip(s, s)
    gc.collect(); a = list(z); c = gc.get_count()[0]; del a, z; measure('zip_len', c)
gc.collect(); a = enumerate(src); c = gc.get_count()[0]; del a; measure('enumerate', c)
gc.collect(); a = enumerate(src, 1); c = gc.get_count()[0]; del a; measure('enumerate_start', c)
gc.collect(); a = list(enumerate(src)); c = gc.get_count()[0]; del a; measure('list_enumerate', c)
gc.collect(); a = [(i, x) for i, x in enumerate(src)]; c = gc.get_count()[0]; del a; measure('comp_enumerate', c)
gc.collect(); a = min(src); c = gc.get_count()[0]; del a; measure('min', c)
gc.collect(); a = max(3, 4); c = gc.get_count()[0]; del a; measure('max2', c)
gc.collect(); a = max(x for x in src); c = gc.get_count()[0]; del a; measure('max_gen', c)
gc.collect(); a = min(x for x in src); c = gc.get_count()[0]; del a; measure('min_gen', c)
gc.collect(); a = type(1); c = gc.get_count()[0]; del a; measure('type', c)
gc.collect(); a = dict(a=1, b=2); c = gc.get_count()[0]; del a; measure('dict_kw', c)
gc.collect(); a = dict(dsrc, c=3); c = gc.get_count()[0]; del a; measure('dict_map_kw', c)
gc.collect(); a = slice(1, 2); c = gc.get_count()[0]; del a; measure('slice', c)
gc.collect(); a = slice(1, 2); c = gc.get_count()[0]; del a; measure('slice_again', c)
for name, c in results:
    print(name, c)
