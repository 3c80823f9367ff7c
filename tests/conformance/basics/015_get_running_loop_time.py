import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(loop.time())
    await asyncio.sleep(1.25)
    print(loop.time())
    await asyncio.sleep(0.1)
    print(loop.time())
    print(loop.is_running(), loop.is_closed())

asyncio.run(main())
