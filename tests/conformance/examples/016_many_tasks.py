import asyncio
import random

random.seed(1)

async def worker(n):
    await asyncio.sleep(random.uniform(0, 5))
    return n

async def main():
    tasks = [asyncio.create_task(worker(n)) for n in range(1000)]
    done = await asyncio.gather(*tasks)
    print(f"{len(done)} tasks finished")

asyncio.run(main())
