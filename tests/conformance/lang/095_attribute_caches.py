# Attributes read through corolab's caches (a module's names, methods of
# builtin types) give what a fresh lookup gives: a module attribute rebound,
# deleted, restored or added, one call site seeing several types, a user
# class's method replaced.
import asyncio
import math


def read_pi(tag):
    print(tag, [round(math.pi, 3) for _ in range(3)])

def read_answer(tag):
    print(tag, [math.answer for _ in range(3)])

read_pi("pi")
math.pi = 3
read_pi("rebound")
math.tau2 = 6.28  # the module's dict gains a key
read_pi("after a new name")
math.answer = 42
read_answer("answer")
del math.answer
try:
    read_answer("deleted")
except AttributeError as e:
    print("AttributeError:", e)
math.answer = 43
read_answer("restored")


def counts(items):
    return [x.count(1) for x in items]

print("one site, many types", counts([[1, 1, 2], (1, 2), [3], (1, 1, 1)]))
print("str then list", [x.index("b") if isinstance(x, str) else x.index(2) for x in ["ab", [1, 2], "xb"]])


class Bag:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(x * 10)

    def __repr__(self):
        return f"Bag({self.items})"


def fill(target, n):
    for i in range(n):
        target.append(i)
    return target

print(fill([], 3), fill(Bag(), 3), fill([], 2))
Bag.append = lambda self, x: self.items.append(-x)
print("class changed", fill(Bag(), 3), fill([], 1))

async def main():
    real_sleep = asyncio.sleep
    calls = []

    async def fake_sleep(d):
        calls.append(d)
        await real_sleep(0)

    async def tick(n):
        for i in range(n):
            await asyncio.sleep(i)

    await tick(2)
    asyncio.sleep = fake_sleep
    await tick(3)
    asyncio.sleep = real_sleep
    await tick(2)
    print("fake sleep saw", calls, "time", asyncio.get_running_loop().time())

    for q in (asyncio.Queue(), [], asyncio.Queue()):
        for i in range(2):
            q.put_nowait(i) if isinstance(q, asyncio.Queue) else q.append(i)
        print(type(q).__name__, q if isinstance(q, list) else [q.get_nowait() for _ in range(q.qsize())])

asyncio.run(main())
