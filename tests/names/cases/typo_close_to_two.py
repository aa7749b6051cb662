lenn = 1
print(len(lent))
