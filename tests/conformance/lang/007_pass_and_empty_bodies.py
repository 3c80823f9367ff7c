def todo():
    pass

class Nothing:
    pass

print(todo())
print(type(Nothing()).__name__)
if True:
    pass
print("done")
