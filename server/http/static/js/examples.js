// Programs the viewer offers to start from.

export const EXAMPLES = {
  aliasing: `list1 = [1, 2, 3]
list2 = list1
list1.append(4)
print(list2, len(list1))
`,
  reuse: `# Freed blocks are handed out again: pymalloc's pools at work.
old_ids = set()
temp = []
for i in range(200):
    obj = [i]
    old_ids.add(id(obj))
    temp.append(obj)
del temp

reused = 0
for i in range(200):
    obj = [i]
    if id(obj) in old_ids:
        reused += 1
print("reused", reused)
`,
  cycle: `import gc
a = []
b = [a]
a.append(b)
del a, b          # unreachable, but each still holds the other
print(gc.collect())
`,
  objects: `class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
q = Point(1000, "label")
points = {"p": p, "q": q}
shared = (p, p)
`,
  sizes: `import sys
zero = 0
big = 2 ** 100
name = "heap"
d = {}
for k in range(6):
    d[k] = k * k
print(sys.getsizeof(0), sys.getsizeof(big), sys.getsizeof(d))
`,
};
