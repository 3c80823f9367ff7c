import asyncio

async def square(n):
    await asyncio.sleep(n / 10)
    return n * n

async def main():
    tasks = [square(i) for i in range(5)]
    print(await asyncio.gather(*tasks))
    print(await asyncio.gather())

asyncio.run(main())
