import asyncio
import time

async def ticker():
    for i in range(6):
        print(f"tick {i} at {time.monotonic():.1f}")
        await asyncio.sleep(0.5)

async def blocker():
    await asyncio.sleep(1)
    print("blocking for 2 s with time.sleep")
    time.sleep(2)            # nothing else can run now
    print("done blocking")

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
