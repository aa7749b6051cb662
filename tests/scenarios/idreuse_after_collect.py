import gc

gc.collect()
# a full collection empties the free lists into pymalloc; the block is still handed out again
a = [1]
aid = id(a)
del a
gc.collect()
b = [2]
same_list = id(b) == aid
f = len(b) * 0.5
fid = id(f)
del f
gc.collect()
g = len(b) * 0.25
same_float = id(g) == fid
d = {"k": 1}
did = id(d)
del d
gc.collect(0)
e = {"k": 2}
same_dict_gen0 = id(e) == did
t = (b, b)
tid = id(t)
del t
gc.collect()
u = (b, b)
same_tuple = id(u) == tid
print(same_list, same_float, same_dict_gen0, same_tuple)
x = [0]
y = [0]
xid = id(x)
yid = id(y)
del x
del y
gc.collect()
p = [5]
q = [6]
print(id(p) == yid or id(p) == xid, id(q) == yid or id(q) == xid, id(p) == id(q))
