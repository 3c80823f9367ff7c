import asyncio

async def waiter(fut, name):
    value = await fut
    print(name, "got", value)

async def main():
    fut = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(waiter(fut, n)) for n in ("a", "b", "c")]
    await asyncio.sleep(1)
    fut.set_result(42)
    await asyncio.gather(*tasks)

asyncio.run(main())
