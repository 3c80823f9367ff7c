import asyncio
import time

async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")

async def main():
    start = time.monotonic()
    await job("a", 1)          # runs to the end before b starts
    await job("b", 2)
    print(f"plain await: {time.monotonic() - start:.0f} s")

    start = time.monotonic()
    ta = asyncio.create_task(job("c", 1))   # both start now
    tb = asyncio.create_task(job("d", 2))
    await ta
    await tb
    print(f"create_task: {time.monotonic() - start:.0f} s")

asyncio.run(main())
