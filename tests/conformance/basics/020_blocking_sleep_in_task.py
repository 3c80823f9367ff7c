import asyncio
import time

async def blocker():
    print("blocker starts", time.monotonic())
    time.sleep(2)
    print("blocker ends", time.monotonic())

async def ticker():
    for _ in range(3):
        print("tick", time.monotonic())
        await asyncio.sleep(1)

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
