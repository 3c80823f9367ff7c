import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for _ in range(10):
        await asyncio.sleep(0.1)
    print(loop.time())
    print(loop.time() == 1.0)

asyncio.run(main())
