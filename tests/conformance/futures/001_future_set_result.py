import asyncio

async def setter(fut):
    await asyncio.sleep(1)
    fut.set_result("value from setter")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    asyncio.create_task(setter(fut))
    print("done?", fut.done())
    print(await fut, fut.done(), fut.result())

asyncio.run(main())
