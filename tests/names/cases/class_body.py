class K:
    count = 1
    x = coutn
