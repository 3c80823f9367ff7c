items = [1, 2, 3]
print(2 in items, 5 in items, 5 not in items)
print("yn" in "asyncio", "x" in {"x": 1})
a = None
print(a is None, a is not None)
b = [1]
c = b
print(c is b, [1] is b, [1] == b)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0)
