import asyncio

async def job(sem, name):
    async with sem:
        print(name, "acquired at", asyncio.get_running_loop().time())
        await asyncio.sleep(1)

async def main():
    sem = asyncio.Semaphore(1)
    await asyncio.gather(*(job(sem, f"j{i}") for i in range(4)))

asyncio.run(main())
