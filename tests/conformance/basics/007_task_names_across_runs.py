import asyncio

async def child():
    return asyncio.current_task().get_name()

async def main():
    me = asyncio.current_task().get_name()
    other = await asyncio.create_task(child())
    print(me, other)

asyncio.run(main())
asyncio.run(main())
asyncio.run(main())
