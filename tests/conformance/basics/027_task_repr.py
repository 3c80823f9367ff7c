import asyncio

async def work():
    await asyncio.sleep(1)
    return 7

async def main():
    t = asyncio.create_task(work(), name="worker")
    print(t)
    await asyncio.sleep(0)
    print(t)
    await t
    print(t)

asyncio.run(main())
