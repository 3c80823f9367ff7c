import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n * 10


def on_done(task):
    print("done:", task)


async def waiter(task):
    return await task


async def main():
    t = asyncio.create_task(work(1), name="worker")
    print(type(t))
    print(t)
    await asyncio.sleep(0)
    print(t)
    t.add_done_callback(on_done)
    print(t)
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(0)
    print(t)
    t.add_done_callback(lambda task: print("lambda saw", task.result()))
    print(t)
    print(await w)
    print(t)


asyncio.run(main())
