x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
s = "ab"
s *= 3
s += "!"
print(s)
items = [1]
items += [2, 3]
print(items)
f = 1.5
f /= 2
print(f)
