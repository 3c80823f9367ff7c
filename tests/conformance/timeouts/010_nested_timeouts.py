import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(5):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(2)
            except TimeoutError:
                print("inner timed out", loop.time())
            await asyncio.sleep(10)
    except TimeoutError:
        print("outer timed out", loop.time())

asyncio.run(main())
