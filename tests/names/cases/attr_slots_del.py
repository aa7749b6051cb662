class Point:
    __slots__ = ("length",)
p = Point()
del p.lenght
