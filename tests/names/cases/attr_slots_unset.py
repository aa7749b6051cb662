class Point:
    __slots__ = ("length", "lengths")
p = Point()
p.length
