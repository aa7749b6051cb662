x = 1
print(xyzzy)
