names = ["ann", "bob", "cy"]
ages = [31, 25, 40, 99]
for i, name in enumerate(names):
    print(i, name)
for i, name in enumerate(names, start=1):
    print(i, name)
print(list(zip(names, ages)))
print(dict(zip(names, ages)))
print(list(enumerate("ab")))
