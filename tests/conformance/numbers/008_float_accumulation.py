t = 0.0
for _ in range(10):
    t += 0.1
print(t, t == 1.0, round(t, 3))
x = 0.0
for d in [0.3, 0.3, 0.3]:
    x += d
print(x, 3 * 0.3, x - 0.9)
