import asyncio
import random

async def fetch(sem, url):
    async with sem:
        delay = random.choice([0.2, 0.4, 0.6])
        await asyncio.sleep(delay)
        print(f"{asyncio.get_running_loop().time():.1f} fetched {url} in {delay}")
        return url, delay

async def main():
    random.seed(99)
    sem = asyncio.Semaphore(2)
    urls = [f"/page/{i}" for i in range(6)]
    results = await asyncio.gather(*(fetch(sem, u) for u in urls))
    print("slowest:", max(results, key=lambda r: r[1]))

asyncio.run(main())
