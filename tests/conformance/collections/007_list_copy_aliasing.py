a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
a.append(4)
print(a, b, c, d)
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
