import asyncio

async def bad():
    await asyncio.sleep(0.5)
    raise ValueError("bad value")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad())
        tg.create_task(asyncio.sleep(3))

asyncio.run(main())
