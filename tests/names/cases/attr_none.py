x = None
x.apend(1)
