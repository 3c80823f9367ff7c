import asyncio

async def download(sem, i):
    async with sem:
        print(f"{asyncio.get_running_loop().time():.1f} start {i}")
        await asyncio.sleep(1)
        print(f"{asyncio.get_running_loop().time():.1f} end {i}")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(sem, i) for i in range(5)))

asyncio.run(main())
