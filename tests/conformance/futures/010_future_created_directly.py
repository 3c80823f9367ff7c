import asyncio


def report(fut):
    print("callback sees", fut)


async def resolve_later(fut, value):
    await asyncio.sleep(1)
    fut.set_result(value)


async def main():
    fut = asyncio.Future()
    print(fut, type(fut))
    fut.add_done_callback(report)
    print(fut)
    asyncio.create_task(resolve_later(fut, "ready"))
    print("awaited:", await fut)
    loop = asyncio.get_running_loop()
    other = loop.create_future()
    print(type(other).__name__, other.done())
    loop.call_later(0.5, other.set_result, 42)
    print(await other, loop.time())
    print(asyncio.isfuture(other), asyncio.isfuture(resolve_later))


asyncio.run(main())
