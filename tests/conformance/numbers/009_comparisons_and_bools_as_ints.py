print(True + True, True * 10, False - 1, sum([True, True, False]))
print(3 > 2.5, -1 < 0 < 1, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(max(1, 2.0), min(1, 1.0), max(True, 0))
