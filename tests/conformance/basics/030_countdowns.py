import asyncio

async def countdown(name, n, step):
    while n > 0:
        print(f"{name}: {n}")
        await asyncio.sleep(step)
        n -= 1
    print(f"{name}: liftoff at {asyncio.get_running_loop().time()}")

async def main():
    await asyncio.gather(countdown("A", 3, 1), countdown("B", 2, 1.5), countdown("C", 4, 0.5))

asyncio.run(main())
