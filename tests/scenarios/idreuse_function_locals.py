import gc


def make_and_drop():
    tmp = [1, 2, 3]
    return id(tmp)


def make_and_keep():
    tmp = [1, 2, 3]
    return tmp


def nested(depth):
    local = [depth]
    if depth == 0:
        return [id(local)]
    return [id(local)] + nested(depth - 1)


gc.collect()
# locals die when the function returns; their blocks are handed out again
dead = make_and_drop()
fresh = [7, 8, 9]
print(id(fresh) == dead)
kept = make_and_keep()
print(id(kept) == dead, id(kept) == id(fresh), kept)
ids1 = nested(3)
ids2 = nested(3)
print(len(set(ids1)), ids1 == ids2)
print(id([1]) == id([2]), id([1, 2, 3]) == id([4, 5, 6]))
print(id(12345 * 2) == id(12345 * 3), id(1.5 * 2) == id(2.5 * 2))
print(id((1, [])) == id((2, [])), id({"a": []}) == id({"b": []}))
r = [make_and_drop() for i in range(5)]
print(len(set(r)))
