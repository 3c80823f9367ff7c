# W1: 1,000 tasks, each doing 1,000 `await asyncio.sleep(0)` (1,000,000 task switches).
import asyncio

async def worker():
    for _ in range(1000):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[worker() for _ in range(1000)])
    print("switches", 1000 * 1000)

asyncio.run(main())
