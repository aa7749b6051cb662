class Point:
    __slots__ = ("length",)
p = Point()
p.lenght
