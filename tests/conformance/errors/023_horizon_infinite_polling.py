import asyncio

async def poll():
    n = 0
    while True:
        await asyncio.sleep(60)
        n += 1
        if n % 20 == 0:
            print("polled", n, "times")

asyncio.run(poll())
