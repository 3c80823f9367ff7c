point = (3, 4)
x, y = point
print(point, x + y, point[0], len(point), point + (5,), point * 2)
print((1, 2) < (1, 3), (2,) > (1, 99), point.count(3), point.index(4))
records = [("b", 2), ("a", 2), ("c", 1)]
records.sort()
print(records)
