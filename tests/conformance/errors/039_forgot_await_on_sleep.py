import asyncio

async def main():
    print("start", asyncio.get_running_loop().time())
    asyncio.sleep(2)
    print("no delay happened", asyncio.get_running_loop().time())

asyncio.run(main())
