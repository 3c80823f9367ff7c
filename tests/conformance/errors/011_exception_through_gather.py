import asyncio

async def ok():
    await asyncio.sleep(2)
    print("ok finished")

async def bad():
    await asyncio.sleep(1)
    raise KeyError("missing-key")

async def main():
    await asyncio.gather(ok(), bad())

asyncio.run(main())
