# From 3.11, `s += t` (and `s = s + t`) on a function's local grows the str in
# place only once the site runs specialised: 3.11 after the code object's
# eighth call or loop iteration (a while loop's own test does not count),
# 3.12+ from the site's second run. 3.8 to 3.10 grow it in place always, and
# at module level too.
def grow(n):
    s = 'ab' * n
    before = id(s)
    s += 'x'
    return int(id(s) == before)

print("calls:", ''.join(str(grow(10)) for i in range(12)))

def grow_or_extend(k):
    s = 'ab' * k if k else [k]
    before = id(s)
    s += 'x' if k else ['x']
    return int(id(s) == before) if k else 2

print("lists first:", ''.join(str(grow_or_extend(0)) for i in range(8)),
      ''.join(str(grow_or_extend(10)) for i in range(20)))

def loop(n):
    s = 'ab' * n
    out = ''
    for i in range(16):
        before = id(s)
        s = s + 'x'
        out += str(int(id(s) == before))
    return out

print("for loop:", loop(100), loop(100))

def while_test(n):
    s = 'ab' * n
    out = ''
    i = 0
    while i < 20:
        before = id(s)
        s += 'x'
        out += str(int(id(s) == before))
        i += 1
    return out

print("while loop:", while_test(50), while_test(50))

def while_true(n):
    s = 'ab' * n
    out = ''
    i = 0
    while True:
        before = id(s)
        s += 'x'
        out += str(int(id(s) == before))
        i += 1
        if i == 20:
            break
    return out

print("while True:", while_true(50), while_true(50))

s = 'ab' * 10
same = 0
for i in range(12):
    before = id(s)
    s += 'x'
    same += id(s) == before
print("module level:", same)
