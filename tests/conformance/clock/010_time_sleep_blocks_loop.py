import asyncio
import time

async def heartbeat():
    for _ in range(4):
        print("beat", time.strftime("%X"))
        await asyncio.sleep(1)

async def blocking_job():
    await asyncio.sleep(0.5)
    print("blocking for 2s", time.monotonic())
    time.sleep(2)
    print("unblocked", time.monotonic())

async def main():
    await asyncio.gather(heartbeat(), blocking_job())

asyncio.run(main())
