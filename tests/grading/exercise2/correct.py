old_ids = set()
temp = []
for i in range(1_000):
    obj = [i]
    old_ids.add(id(obj))
    temp.append(obj)
del temp  # Free all

reused = 0
for i in range(1_000):
    obj = [i]
    if id(obj) in old_ids:
        reused += 1

print(f"Reused addresses: {reused} out of 1,000")
