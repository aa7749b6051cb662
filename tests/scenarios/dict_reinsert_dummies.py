import gc
import sys

gc.collect()
# deleted slots are not reused: insert/delete churn grows the table until it is rebuilt
d = {}
for i in range(5):
    d[i] = i
print(len(d), sys.getsizeof(d))
sizes = []
for i in range(5, 40):
    del d[i - 5]
    d[i] = i
    sizes.append(sys.getsizeof(d))
print(len(d), sizes)
e = {}
for i in range(100):
    e["key" + str(i)] = i
print(sys.getsizeof(e))
for i in range(95):
    del e["key" + str(i)]
print(len(e), sys.getsizeof(e))
for i in range(100, 200):
    e["key" + str(i)] = i
print(len(e), sys.getsizeof(e))
f = {}
f[1] = 1
print(sys.getsizeof(f))
del f[1]
print(sys.getsizeof(f))
f[2] = 2
print(sys.getsizeof(f), f)
