import asyncio

async def spinner(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(spinner("A", 3), spinner("B", 3), spinner("C", 2))

asyncio.run(main())
