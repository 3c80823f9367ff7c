import asyncio

async def never_starts():
    print("this never prints")

async def main():
    t = asyncio.create_task(never_starts())
    print(t.cancel())
    await asyncio.sleep(0)
    print(t.cancelled(), t.cancel())

asyncio.run(main())
