import copy
import gc
import tracemalloc


def measure(label, function, value):
    # What a copy leaves traced (the copy, plus the blocks its temporaries
    # left on free lists), its peak (the memo, the ids, the keep-alive list,
    # copy.py's frames) and how many GC objects it added to generation 0.
    gc.collect()
    before = gc.get_count()[0]
    tracemalloc.start()
    result = function(value)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(label, current, peak, gc.get_count()[0] - before)
    return result


# The first deep copy of a tuple makes blocks once (not modelled).
copy.deepcopy((1, [2]))
gc.collect()
nested = [[1, 2], [3, 4], "x", 5]
atoms = [1, "a", None, 2.5]
measure("copy first", copy.copy, nested)
measure("copy again", copy.copy, nested)
measure("copy int", copy.copy, 5)
measure("copy set", copy.copy, {1, 2, 3})
measure("copy big set", copy.copy, set(range(100)))
measure("copy frozenset", copy.copy, frozenset([1]))
measure("copy bytearray", copy.copy, bytearray(b"abcdef"))
measure("copy empty bytearray", copy.copy, bytearray())
measure("copy dict", copy.copy, {"a": 1, "b": [2]})
measure("copy big dict", copy.copy, {i: i for i in range(50)})
measure("copy tuple", copy.copy, (1, [2]))
measure("copy range", copy.copy, range(5))
measure("deepcopy strs", copy.deepcopy, ["a", "b", "a"])
measure("deepcopy float", copy.deepcopy, 2.5)
measure("deepcopy nested", copy.deepcopy, nested)
measure("deepcopy nested again", copy.deepcopy, nested)
measure("deepcopy atoms", copy.deepcopy, atoms)
measure("deepcopy empty", copy.deepcopy, [])
measure("deepcopy dict", copy.deepcopy, {"a": 1})
measure("deepcopy dict of list", copy.deepcopy, {"a": [1]})
measure("deepcopy dict of dict", copy.deepcopy, {"a": {"b": 1}})
measure("deepcopy dict of ints", copy.deepcopy, {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6})
measure("deepcopy three levels", copy.deepcopy, [[[]]])
measure("deepcopy repeated", copy.deepcopy, [[1, 2]] * 3)
measure("deepcopy many keys", copy.deepcopy, {i: [i] for i in range(10)})
measure("deepcopy lists of lists", copy.deepcopy, [[1], [2], [3]])
measure("deepcopy list then dict", copy.deepcopy, [[1], {}])
measure("deepcopy list then dict of one", copy.deepcopy, [[1, 2], {"a": 1}])
measure("deepcopy empty list then dict", copy.deepcopy, [[], {"a": 1}])
measure("deepcopy dict then dict", copy.deepcopy, [{"x": 1}, {"a": 1}])
measure("deepcopy dict of list and dict", copy.deepcopy, {"k": [1, 2, 3], "j": {"a": 1}})
measure("deepcopy lists of ints", copy.deepcopy, [list(range(20)) for i in range(10)])
measure("deepcopy tuple with list", copy.deepcopy, (1, [2]))
measure("deepcopy tuples", copy.deepcopy, [(1, 2), (3, 4)])
measure("deepcopy tuples of lists", copy.deepcopy, [(1, [2]), (3, [4])])
measure("deepcopy nested tuples", copy.deepcopy, ((1, 2), ([],)))
measure("deepcopy empty tuple", copy.deepcopy, ())
a = [1]
measure("deepcopy shared", copy.deepcopy, (a, a))
tracemalloc.start()
kept = copy.deepcopy(nested)
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print("module level", current, peak)
# Large deep copies pass generation 0's threshold: collections run inside them.
data = [[i, [i]] for i in range(500)]
table = {i: (i, [i]) for i in range(300)}
gc.collect()
big = copy.deepcopy(data)
after_list = gc.get_count()
gc.collect()
big2 = copy.deepcopy(table)
after_dict = gc.get_count()
print("large", after_list, after_dict, len(big), len(big2), big2[7][1] is table[7][1])
