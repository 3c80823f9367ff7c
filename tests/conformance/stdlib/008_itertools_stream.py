# itertools over async-fed data: islice, count, cycle, chain, groupby, accumulate...
import asyncio
import itertools
from itertools import accumulate, chain, combinations, count, cycle, groupby, islice, permutations, product, zip_longest


async def producer(queue, n):
    ids = count(100)
    colors = cycle(["red", "green", "blue"])
    for _ in range(n):
        await asyncio.sleep(0.1)
        await queue.put((next(ids), next(colors)))
    await queue.put(None)


async def main():
    queue = asyncio.Queue()
    asyncio.create_task(producer(queue, 7))
    items = []
    while True:
        item = await queue.get()
        if item is None:
            break
        items.append(item)
    print(list(islice(items, 2, 6, 2)), list(islice(items, 3)))
    by_color = sorted(items, key=lambda it: it[1])
    for color, group in groupby(by_color, key=lambda it: it[1]):
        print(color, [i for i, _ in group])
    print(list(accumulate(i for i, _ in items)), list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
    print(list(chain([1, 2], (3,), "ab")), list(itertools.chain.from_iterable([[1], [2, 3]])))
    print(list(product("ab", repeat=2)), list(permutations(range(3), 2)))
    print(list(combinations("abcd", 3)), list(zip_longest("abc", [1], fillvalue="-")))
    print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.repeat("x", 3)))


asyncio.run(main())
