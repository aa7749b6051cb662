class Point:
    def __init__(self):
        self.length = 3
try:
    Point().lenght
except AttributeError as e:
    print(e)
