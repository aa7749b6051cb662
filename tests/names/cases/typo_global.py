count = 1
counter = 2
print(coutn)
