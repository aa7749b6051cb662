# gen-0 count after one statement: METH_VARARGS methods (dict.update,
# set.update/union/intersection/difference, str.format, and before 3.13
# str.startswith/count/find) get an argument tuple; 3.8 binds methods it
# looks up inside calls (an iterator's __length_hint__, list.sort for
# sorted(), __round__, __format__, a mapping's keys) from a free list that a
# full collection empties.
import gc

d = {1: 2}
s = {1, 2}
src = [3, 1, 2]
st = 'a b'
gc.collect()
results = []


def measure(name, c):
    results.append((name, c))


gc.collect(); d.update(d); c = gc.get_count()[0]; measure('dict.update', c)
gc.collect(); d.update([(1, 2)]); c = gc.get_count()[0]; measure('dict.update_seq', c)
gc.collect(); s.update([5]); c = gc.get_count()[0]; measure('set.update', c)
gc.collect(); a = s.union([7]); c = gc.get_count()[0]; del a; measure('set.union', c)
gc.collect(); a = s.intersection([1]); c = gc.get_count()[0]; del a; measure('set.intersection', c)
gc.collect(); a = s.difference([1]); c = gc.get_count()[0]; del a; measure('set.difference', c)
gc.collect(); a = st.format(1); c = gc.get_count()[0]; measure('str.format', c)
gc.collect(); a = '{} {}'.format(1, 2.5); c = gc.get_count()[0]; measure('str.format_float', c)
gc.collect(); a = st.startswith('a'); c = gc.get_count()[0]; measure('str.startswith', c)
gc.collect(); a = st.count('a'); c = gc.get_count()[0]; measure('str.count', c)
gc.collect(); a = st.find('a'); c = gc.get_count()[0]; measure('str.find', c)
gc.collect(); a = list(iter(src)); c = gc.get_count()[0]; del a; measure('list_iter', c)
gc.collect(); a = tuple(iter(src)); c = gc.get_count()[0]; del a; measure('tuple_iter', c)
gc.collect(); a = list(iter(range(3))); c = gc.get_count()[0]; del a; measure('list_range_iter', c)
gc.collect(); a = list(reversed(src)); c = gc.get_count()[0]; del a; measure('list_reversed', c)
gc.collect(); a = [1]; a.extend(iter(src)); c = gc.get_count()[0]; del a; measure('extend_iter', c)
gc.collect(); a = sorted(src); c = gc.get_count()[0]; del a; measure('sorted', c)
gc.collect(); a = round(2.5); c = gc.get_count()[0]; measure('round', c)
gc.collect(); a = format(2.5, '.1f'); c = gc.get_count()[0]; measure('format', c)
gc.collect(); a = f'{2.5:.1f}'; c = gc.get_count()[0]; measure('fstring_spec', c)
gc.collect(); a = dict(d); c = gc.get_count()[0]; del a; measure('dict_of_dict', c)
gc.collect(); a = set(iter(src)); c = gc.get_count()[0]; del a; measure('set_iter', c)
for name, c in results:
    print(name, c)
