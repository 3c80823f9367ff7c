data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
print(list(reversed(data)), list(reversed("abc")))
people = [("ann", 31), ("bob", 25), ("cy", 31)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted("hello"), sorted({3: "c", 1: "a"}))
