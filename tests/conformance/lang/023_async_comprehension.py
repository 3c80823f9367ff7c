import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

async def square(x):
    await asyncio.sleep(0.2)
    return x * x

async def main():
    evens = [i async for i in numbers(6) if i % 2 == 0]
    print(evens)
    results = [await square(i) for i in range(3)]
    print(results)

asyncio.run(main())
