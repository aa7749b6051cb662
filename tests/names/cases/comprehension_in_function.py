def f():
    count = 1
    return [coutn for i in range(2)]
f()
