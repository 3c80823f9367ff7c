import asyncio

async def grab(lock, name):
    async with lock:
        print(name, "in")
        await asyncio.sleep(0)
        print(name, "out")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(grab(lock, "a"), grab(lock, "b"), grab(lock, "c"))

asyncio.run(main())
