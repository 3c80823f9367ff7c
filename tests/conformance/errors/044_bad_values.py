# Bad values get Python's errors.
import random
import time

for v in [float("nan"), -1, float("inf"), 10**10]:
    try:
        time.sleep(v)
        print("slept", v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError", e)
nan = float("nan")
print(nan in [nan], [nan] == [nan], nan == nan, [nan].count(nan), [nan].index(nan))


class A:
    pass


class B(A):
    pass


try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError", e.args[0].replace("\n", " "))
try:
    class D(A, A):
        pass
except TypeError as e:
    print("TypeError", e)
big = 10**30
print([1, 2, 3][big:], [1, 2, 3][-big:big], [1, 2, 3][::big], [1, 2, 3][::-big], "abc"[big:], (1, 2)[-big:])
random.seed(7)
print(random.randint(0, 10**30), random.randint(-10**20, 10**20), random.randrange(10**25))
print(random.randrange(0, 10**30, 10**10), random.randint(1, 6))
