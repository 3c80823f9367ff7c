import asyncio

async def waiter(fut, name):
    print(name, "waits")
    await fut

async def main():
    loop = asyncio.get_running_loop()
    f1, f2 = loop.create_future(), loop.create_future()
    a = asyncio.create_task(waiter(f1, "a"))
    b = asyncio.create_task(waiter(f2, "b"))
    await asyncio.sleep(1)
    await asyncio.gather(a, b)

asyncio.run(main())
