import asyncio

async def main():
    print("Indian")
    await asyncio.sleep(3)
    print("Pythonista")

asyncio.run(main())
