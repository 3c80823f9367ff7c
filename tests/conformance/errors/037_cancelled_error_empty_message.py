import asyncio

async def victim():
    await asyncio.sleep(10)

async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(1)
    t.cancel()
    await t

asyncio.run(main())
