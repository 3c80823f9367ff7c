import asyncio

async def main():
    try:
        async with asyncio.timeout(2):
            await asyncio.sleep(1)
            print("first sleep fine")
            await asyncio.sleep(5)
            print("not printed")
    except TimeoutError:
        print("timed out at", asyncio.get_running_loop().time())
    print("after block")

asyncio.run(main())
