import asyncio

async def part(n):
    await asyncio.sleep(n)
    print("part", n, asyncio.get_running_loop().time())

asyncio.run(part(1))
asyncio.run(part(2))
