class Point:
    def area(self):
        return 1
p = Point()
p.aera()
