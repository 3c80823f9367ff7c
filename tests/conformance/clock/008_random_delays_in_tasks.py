import asyncio
import random

async def worker(name):
    delay = round(random.uniform(0.1, 2.0), 2)
    await asyncio.sleep(delay)
    print(f"{name} slept {delay}")
    return delay

async def main():
    random.seed(1)
    delays = await asyncio.gather(*(worker(f"w{i}") for i in range(5)))
    print("max", max(delays))

asyncio.run(main())
