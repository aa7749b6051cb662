class Point:
    def __init__(self):
        self.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz = 1
Point().abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyZ
