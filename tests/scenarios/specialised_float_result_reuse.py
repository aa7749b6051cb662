# 3.12+ run float +, - and * specialised from a site's second run, writing the
# result into an operand nothing else holds; a site that misses (an int
# operand) runs the generic instruction until its counter specialises it again.
def reuse_pattern(values):
    out = []
    for v in values:
        a = float(1)
        b = float(2)
        first = id(a)
        del b, a
        x = float(3) * v
        out.append(1 if id(x) == first else 0)
        del x
    return out

print("floats only:", reuse_pattern([2.0] * 6))
print("one int among floats:", reuse_pattern([2.0, 2] + [2.0] * 6))
print("ints then floats:", reuse_pattern([2.0, 2.0] + [2] * 60 + [2.0] * 12))

def distinct_ids(make):
    seen = set()
    for i in range(8):
        seen.add(id(make(i)))
    return len(seen)

print("float(i) + 2.25:", distinct_ids(lambda i: float(i) + 2.25))
print("2.5 - float(i):", distinct_ids(lambda i: 2.5 - float(i)))
print("2.5 / float(i + 1):", distinct_ids(lambda i: 2.5 / float(i + 1)))
a = 1.5
same = []
for i in range(4):
    x = a + 1.0
    y = x * 2.0
    same.append(id(x) == id(y))
print("named operands are never reused:", same)
