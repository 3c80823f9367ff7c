import asyncio

async def main():
    event = asyncio.Event()
    print("waiting forever")
    await event.wait()
    print("never")

asyncio.run(main())
