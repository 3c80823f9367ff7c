import asyncio

async def leaf(n):
    await asyncio.sleep(n / 4)
    print("leaf", n)
    return n

async def branch(a, b):
    return sum(await asyncio.gather(leaf(a), leaf(b)))

async def main():
    print(await asyncio.gather(branch(1, 4), branch(2, 3)))

asyncio.run(main())
