import asyncio

async def child():
    await asyncio.sleep(0.5)
    raise ValueError("child broke")

async def main():
    t = asyncio.create_task(child())
    await asyncio.sleep(0.1)
    print("waiting for child")
    await t

asyncio.run(main())
