# expect-line: 4
total = 0
for i in range(3):
    return total
