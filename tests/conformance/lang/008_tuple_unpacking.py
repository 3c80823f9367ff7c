a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
for i, (name, score) in enumerate([("ann", 3), ("bo", 5)]):
    print(i, name, score)
