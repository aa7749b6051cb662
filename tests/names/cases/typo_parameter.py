def f(alpha):
    beta = 1
    return alpah
f(1)
