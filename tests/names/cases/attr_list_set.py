[].apend = 1
