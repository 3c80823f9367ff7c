import asyncio

async def task(name):
    print(name, "step 1")
    await asyncio.sleep(0)
    print(name, "step 2")

async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(task("T"))
    loop.call_soon(print, "callback A")
    asyncio.create_task(task("U"))
    loop.call_soon(print, "callback B")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main again")

asyncio.run(main())
