class Point:
    def __init__(self):
        self.length = 3
Point().zzzzzz
