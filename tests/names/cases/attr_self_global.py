class Point:
    def __init__(self):
        self._size = 1
self = Point()
self.size
