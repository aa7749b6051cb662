try:
    coutn = count
except NameError as e:
    print(e)
value = 1
print(Value)
