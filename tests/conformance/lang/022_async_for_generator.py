import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

async def main():
    async for tick in ticker(3, 0.5):
        print("tick", tick)
    total = 0
    async for t in ticker(4, 0.1):
        total += t
    print("total", total)

asyncio.run(main())
