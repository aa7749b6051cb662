import copy
import gc

gc.collect()
# The blocks of a dropped deep copy are what the next objects of their sizes get.
src = [[1, 2], [3, 4], {'k': [5]}]
deep = copy.deepcopy(src)
ids = [id(deep), id(deep[0]), id(deep[1]), id(deep[2]), id(deep[2]['k'])]
del deep
d = {'x': 1}
dict_reused = id(d) == ids[3]
fresh = [[0] * 2 for _ in range(6)]
reused = [ids.index(id(f)) for f in fresh if id(f) in ids]
print('dict reuses the copied dict:', dict_reused)
print('fresh lists reuse the copied lists:', reused)
shallow = copy.copy(src)
sid = id(shallow)
del shallow
again = copy.copy(src)
print('copy reuses its block:', id(again) == sid)
del again
for i in range(3):
    t = copy.deepcopy(src)
    if i == 0:
        first = id(t)
    same = id(t) == first
    del t
    print(i, same)
