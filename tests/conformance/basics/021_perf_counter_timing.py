import asyncio
import time

async def main():
    start = time.perf_counter()
    await asyncio.gather(asyncio.sleep(1), asyncio.sleep(2), asyncio.sleep(1.5))
    print(f"gather took {time.perf_counter() - start:.3f} s")
    start = time.perf_counter()
    for d in (1, 2, 1.5):
        await asyncio.sleep(d)
    print(f"sequential took {time.perf_counter() - start:.3f} s")

asyncio.run(main())
