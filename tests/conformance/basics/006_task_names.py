import asyncio

async def worker():
    await asyncio.sleep(0.1)
    return asyncio.current_task().get_name()

async def main():
    print(asyncio.current_task().get_name())
    t1 = asyncio.create_task(worker())
    t2 = asyncio.create_task(worker(), name="custom")
    t3 = asyncio.create_task(worker())
    print(t1.get_name(), t2.get_name(), t3.get_name())
    print(await t1, await t2, await t3)
    t3.set_name("renamed")
    print(t3.get_name())

asyncio.run(main())
