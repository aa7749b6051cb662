# The tutorial's aliasing example: two names, one list
list1 = [1, 2, 3]
list2 = list1  # list2 is an ALIAS for list1 (same object!)

print(f"list1 = {list1}, id = {id(list1)}")
print(f"list2 = {list2}, id = {id(list2)}")
print(f"Are they the same object? {list1 is list2}")

list1.append(4)

print(f"\nAfter list1.append(4):")
print(f"list1 = {list1}")
print(f"list2 = {list2}")
