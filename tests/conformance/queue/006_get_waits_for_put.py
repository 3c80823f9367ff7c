import asyncio

async def late_put(q):
    await asyncio.sleep(2)
    print("putting")
    q.put_nowait("hello")

async def main():
    q = asyncio.Queue()
    asyncio.create_task(late_put(q))
    print("waiting for item")
    print("got", await q.get(), "at", asyncio.get_running_loop().time())

asyncio.run(main())
