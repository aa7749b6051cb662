def outer():
    total = 0
    def inner():
        return totl
    return inner()
outer()
