def f():
    value = 1
    del value
    valeu = 2
    print(value)
f()
