# Assignment expressions (:=) in parentheses and in if/elif/while
# conditions, at module level and in functions: the name holds a reference
# as an assignment does, the expression's value is the same object, and a
# loop rebinding it frees the previous value.
import gc
import sys


def scale(values):
    if (total := sum(values)) > 1000:
        return "big", total, sys.getrefcount(total)
    elif (half := total // 2) > 10:
        return "half", half
    return None


gc.collect()

data = [1, 2, 3, 4]
if (n := len(data)) > 3:
    print("long", n)
if m := len(data):
    print("m", m)
items = iter(data)
while (item := next(items, None)) is not None:
    print("item", item)
print("after loop", item)
rest = data
while chunk := rest[:1]:
    rest = rest[1:]
    print("chunk", chunk, sys.getrefcount(chunk))
print(scale([600, 700]), scale([30, 40]), scale([1]))
big = [0] * 10
before = sys.getrefcount(big)
print("same object", (alias := big) is big, sys.getrefcount(big) - before)
del alias
print("released", sys.getrefcount(big) - before)
z = (w := 300) + 1
print(z, w)
print([(q := 5), q], (r := "text") + "!", r)
print(f"{(k := 12345) * 2}", k)
ids = []
while len(ids) < 3 and (block := [len(ids)] * 4):
    ids.append(id(block))
print("freed and reused", len(set(ids)), block)
pairs = {}
source = iter(["a", "bb", "ccc"])
while (word := next(source, "")) != "":
    pairs[word] = (size := len(word))
print(pairs, size, word == "")
