import asyncio

async def lookup(d, k):
    await asyncio.sleep(0)
    return d[k]

async def main():
    print(await lookup({"a": 1}, "a"))
    print(await lookup({"a": 1}, "b"))

asyncio.run(main())
