import asyncio

async def consumer(q):
    try:
        while True:
            item = await q.get()
            print("consumed", item)
    except asyncio.CancelledError:
        print("consumer cancelled, queue size", q.qsize())
        raise

async def main():
    q = asyncio.Queue()
    c = asyncio.create_task(consumer(q))
    await q.put("a")
    await q.put("b")
    await asyncio.sleep(1)
    c.cancel()
    await asyncio.sleep(0)
    print("consumer cancelled:", c.cancelled())

asyncio.run(main())
