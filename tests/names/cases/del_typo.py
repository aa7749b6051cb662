count = 1
del coutn
