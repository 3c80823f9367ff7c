import asyncio

async def main():
    print("waiting with a timeout")
    await asyncio.wait_for(asyncio.sleep(10), timeout=2)

asyncio.run(main())
