import asyncio

async def main():
    print("hello")

asyncio.run(main())
