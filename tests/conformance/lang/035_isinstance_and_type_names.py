values = [1, 2.5, "s", None, True, [1], (1,), {"a": 1}, {1}, range(3)]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)))
