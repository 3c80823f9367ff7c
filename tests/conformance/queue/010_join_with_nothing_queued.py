import asyncio

async def main():
    q = asyncio.Queue()
    await q.join()
    print("join returned immediately at", asyncio.get_running_loop().time())
    print(q.qsize(), q.empty())

asyncio.run(main())
