last = 1
print(ast)
