import asyncio

async def work():
    return 1

async def main():
    coro = work()
    print(type(coro).__name__)
    task = asyncio.create_task(coro)
    print(type(task).__name__)
    await task
    fut = asyncio.get_running_loop().create_future()
    print(type(fut).__name__)
    fut.cancel()
    print(type(main).__name__, type(print).__name__, type(len).__name__)
    print(type(1).__name__, type(1.0).__name__, type("").__name__, type(None).__name__)

asyncio.run(main())
