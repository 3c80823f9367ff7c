# expect-line: 2
items = [1, 2, 3
print(items)
