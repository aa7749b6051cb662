import gc
import sys

gc.collect()
# bytearray over-allocation when appending and extending, and shrinking by pop
ba = bytearray()
steps = []
last = sys.getsizeof(ba)
for i in range(300):
    ba.append(i % 256)
    now = sys.getsizeof(ba)
    if now != last:
        steps.append((len(ba), now))
        last = now
print(steps)
ext = bytearray()
sizes = []
for i in range(12):
    ext.extend(b"0123456789abcdef")
    sizes.append(sys.getsizeof(ext))
print(sizes)
drops = []
last = sys.getsizeof(ba)
while len(ba) > 0:
    ba.pop()
    now = sys.getsizeof(ba)
    if now != last:
        drops.append((len(ba), now))
        last = now
print(drops)
one = bytearray(b"x")
one.extend(bytearray(1000))
print(len(one), sys.getsizeof(one))
