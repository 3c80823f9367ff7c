import asyncio

async def recurse(n):
    return await recurse(n + 1)

async def main():
    print("recursing")
    await recurse(0)

asyncio.run(main())
