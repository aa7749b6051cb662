class Base:
    colour = 1
class Point(Base):
    size = 2
print(Point.color)
