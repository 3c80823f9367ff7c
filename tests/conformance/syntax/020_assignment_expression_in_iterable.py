# expect-line: 4
# An assignment expression cannot be used in a comprehension's iterable.

total = [v for v in (items := [1, 2, 3])]
print(total, items)
