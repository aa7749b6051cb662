class Point:
    def __init__(self):
        self._size = 1
    def grow(self):
        return self.sizee
Point().grow()
