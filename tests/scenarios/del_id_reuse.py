# After a finalizer ran and its object was freed, the next object of the
# same size takes its block (the id is reused); the object's __dict__ and
# attributes are freed after __del__ returns, so __del__ sees them intact.
import gc


class Resource:
    def __init__(self, tag):
        self.tag = tag
        self.buffer = [tag] * 10

    def __del__(self):
        seen.append((self.tag, len(self.buffer)))


seen = []
gc.collect()
r = Resource("first")
old = id(r)
del r
r2 = Resource("second")
print(seen, id(r2) == old)
del r2
print(seen)
obj = Resource("third")
addr = id(obj)
obj = Resource("fourth")
print(seen[-1], id(obj) == addr)
same = []
for i in range(5):
    x = Resource(i)
    same.append(id(x))
print(seen[-4:], len(set(same)))
del x
temp_ids = []
for i in range(3):
    temp_ids.append(id(Resource(i)))
print(seen[-3:], temp_ids[0] == temp_ids[1] == temp_ids[2])
print("end", len(seen))
