import asyncio

async def main():
    print("before")
    await asyncio.sleep(-1)
    print("after negative sleep")

asyncio.run(main())
