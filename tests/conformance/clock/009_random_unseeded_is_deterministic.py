import random

# Without random.seed() the run still is deterministic: the oracle and corolab
# both start from the same fixed default seed (20000101, --seed changes it).
values = [random.randint(1, 6) for _ in range(10)]
print(values)
print(random.random())
