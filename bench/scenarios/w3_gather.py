# W3: spawn and gather 100,000 trivial coroutines.
import asyncio

async def trivial(i):
    return i

async def main():
    results = await asyncio.gather(*[trivial(i) for i in range(100000)])
    print("sum", sum(results))

asyncio.run(main())
