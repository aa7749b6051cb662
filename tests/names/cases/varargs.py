def f(*args, **kwargs):
    return kwarg
f()
