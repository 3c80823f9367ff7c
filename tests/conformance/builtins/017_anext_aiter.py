import asyncio


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.5)
        yield i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(1)
        self.n -= 1
        return self.n


async def main():
    g = ticker(3)
    print(await anext(g))
    print(await anext(g), await anext(g))
    print(await anext(g, "exhausted"))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    it = aiter(Countdown(2))
    print(await anext(it), await anext(it))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("countdown over at", asyncio.get_running_loop().time())
    print(type(aiter(ticker(1))).__name__, aiter(g) is g)
    for bad in (aiter, anext):
        try:
            bad(5)
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
