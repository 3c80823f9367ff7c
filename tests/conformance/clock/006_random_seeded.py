import random

random.seed(42)
print(random.random())
print(random.randint(1, 100), random.randint(1, 100))
print(random.choice(["red", "green", "blue"]))
print(random.uniform(1, 2))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5))
print(random.randrange(0, 100, 5))
