x = [1]
del x.apend
