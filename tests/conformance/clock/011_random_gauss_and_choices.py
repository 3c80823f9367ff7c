import random

random.seed(10)
print(round(random.gauss(0, 1), 6))
print(random.choices(["a", "b", "c"], k=5))
print(random.choices([1, 2, 3], weights=[10, 1, 1], k=6))
print(random.getrandbits(16))
