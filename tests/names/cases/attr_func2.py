def f():
    pass
f.nme
