import asyncio

async def main():
    print("sleeping two hours")
    await asyncio.sleep(7200)
    print("never")

asyncio.run(main())
