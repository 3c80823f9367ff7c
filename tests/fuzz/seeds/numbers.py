import math
x = 3
for i in range(4):
    x = x * x
print(x, 2 ** 100, math.factorial(20), "%*d" % (5, 1), f"{1:10}", f"{x:,}", divmod(-7, 2), 10 ** -2, float("1e308") * 10)
s = "ab"
s = s + s
print(s * 3, len(str(7 ** 50)), int("123") + round(2.5), 7 // 2, -7 % 3)
