import gc

gc.collect()
# tuple() of a generator does not know the length: CPython allocates room for more
# items, then shrinks the tuple to its length (a realloc that may move it), so tuples
# made and dropped in a loop do not all come back to one block.
seen = set()
for i1 in range(30):
    seen.add(id(tuple(i * i for i in range(9))))
print("distinct ids of 30 tuples of a generator:", len(seen))
seen = set()
for i1 in range(30):
    seen.add(id(tuple([i * i for i in range(9)])))
print("distinct ids of 30 tuples of a list:", len(seen))
