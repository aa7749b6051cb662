# The tutorial's "Dynamic growth": one list, a million appends
import sys

data = []
for i in range(1000000):
    data.append(i)  # Heap expands
print(len(data), sys.getsizeof(data), data[-1])
