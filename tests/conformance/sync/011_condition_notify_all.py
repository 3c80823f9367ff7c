import asyncio

async def waiter(cond, name):
    async with cond:
        await cond.wait()
        print(name, "woke at", asyncio.get_running_loop().time())

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, n)) for n in "abc"]
    await asyncio.sleep(1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())
