import asyncio

async def main():
    await asyncio.sleep(600)
    print("ten minutes later")
    await asyncio.sleep(1800)
    print("forty minutes in")

asyncio.run(main())
