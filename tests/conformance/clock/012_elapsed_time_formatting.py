import asyncio
import time

async def task(n):
    await asyncio.sleep(n)

async def main():
    t0 = time.time()
    await asyncio.gather(*(task(i / 3) for i in range(1, 4)))
    print("Total time: {}".format(time.time() - t0))
    print(f"Total time: {time.time() - t0:.2f}")
    t1 = time.perf_counter()
    await task(0.1)
    print("perf:", time.perf_counter() - t1)

asyncio.run(main())
