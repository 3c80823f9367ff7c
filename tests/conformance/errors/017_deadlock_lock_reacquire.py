import asyncio

async def main():
    lock = asyncio.Lock()
    async with lock:
        print("got the lock once")
        async with lock:
            print("never")

asyncio.run(main())
