import asyncio

async def fetch(i):
    await asyncio.sleep(0.2 * i)
    return i, f"item{i}"

async def main():
    idx, name = await fetch(2)
    print(idx, name)
    pairs = await asyncio.gather(*(fetch(i) for i in range(3)))
    print(pairs)
    print(dict(pairs))

asyncio.run(main())
