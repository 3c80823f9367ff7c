import asyncio

async def download(sem, n):
    async with sem:
        print(f"start {n}")
        await asyncio.sleep(1)
        print(f"end {n}")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(download(sem, n) for n in range(6)))

asyncio.run(main())
