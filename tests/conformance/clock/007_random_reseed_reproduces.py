import random

random.seed(2024)
first = [random.randint(0, 9) for _ in range(8)]
random.seed(2024)
second = [random.randint(0, 9) for _ in range(8)]
print(first, first == second)
random.seed("text seed")
print(random.random())
