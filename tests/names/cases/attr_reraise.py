class Point:
    def __init__(self):
        self.length = 3
p = Point()
try:
    p.lenght
except AttributeError:
    raise
