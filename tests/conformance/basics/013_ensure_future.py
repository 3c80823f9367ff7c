import asyncio

async def work(n):
    await asyncio.sleep(n)
    return n * 2

async def main():
    fut = asyncio.ensure_future(work(1))
    print(type(fut).__name__, fut.get_name())
    same = asyncio.ensure_future(fut)
    print(same is fut)
    print(await fut)

asyncio.run(main())
