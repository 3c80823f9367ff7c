import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_exception, ValueError("failed future"))
    try:
        await fut
    except ValueError as e:
        print("caught", e, fut.exception())

asyncio.run(main())
