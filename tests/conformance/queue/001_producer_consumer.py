import asyncio

async def producer(q, n):
    for i in range(n):
        await asyncio.sleep(0.5)
        await q.put(i)
        print("produced", i)
    await q.put(None)

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        print("consumed", item)
        await asyncio.sleep(0.8)

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q, 4), consumer(q))

asyncio.run(main())
