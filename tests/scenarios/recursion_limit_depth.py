# How deep recursion goes before RecursionError: the module's frame counts
# toward the limit of 1000, and on 3.8 to 3.11 comparisons take a level too
# ("... in comparison"), unless 3.11 has specialised a warm comparison in a
# branch's test.
depth = 0


def plain(n):
    global depth
    depth = n
    plain(n + 1)


try:
    plain(1)
except RecursionError as e:
    print('plain', depth, e)


def caught(n):
    try:
        return caught(n + 1)
    except RecursionError:
        return n


print('caught', caught(1))


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


try:
    fact(5000)
except RecursionError as e:
    print('fact', e)
print('fact ok', fact(900) > 0)


def cold(x):
    if x == 1:
        return 1
    return 2


def deep(n):
    try:
        return deep(n + 1)
    except RecursionError:
        return (n, cold(n))


print('deep', deep(1))


def count_down(n):
    while n > 0:
        return count_down(n - 1)
    return 0


try:
    count_down(2000)
except RecursionError as e:
    print('while', e)
