import asyncio
import random

async def download(url):
    delay = random.randint(1, 5) / 10
    await asyncio.sleep(delay)
    return url, delay

async def main():
    random.seed(7)
    urls = [f"https://example.com/{i}" for i in range(4)]
    for url, delay in await asyncio.gather(*[download(u) for u in urls]):
        print(url, delay)

asyncio.run(main())
