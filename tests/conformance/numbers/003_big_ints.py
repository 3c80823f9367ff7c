print(2 ** 200)
print(3 ** 100 - 2 ** 150)
n = 1
for i in range(1, 41):
    n *= i
print(n)
print(n // 10 ** 30, n % 1000007, -n // 7)
print(len(str(2 ** 1000)), (2 ** 64 - 1) * (2 ** 64 + 1))
