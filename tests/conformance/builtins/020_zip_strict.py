# zip(strict=True): equal lengths zip as usual, unequal ones raise ValueError
# naming the argument that ended early or went on.
pairs = [([1, 2], "ab"), ([1, 2], "a"), ([1], "ab"), ([1, 2], [3, 4], [5]), ([1], [2], [3, 4]), ([], [])]
for args in pairs:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
print(list(zip([1, 2], "abc", strict=False)))
