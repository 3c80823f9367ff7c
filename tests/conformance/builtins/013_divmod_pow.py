print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5))
print(2 ** 100)
print(10 ** -2, (-8) ** (1 / 3) if False else "skip")
