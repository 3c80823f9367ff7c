a = b = c = 0
a += 1
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
row = [0] * 3
row[1] = 5
print(row)
