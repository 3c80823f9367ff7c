import asyncio


async def producer(q):
    for priority, job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "urgent-2"), (5, "idle"), (0, "fire"), (2, "normal-2")]:
        await q.put((priority, job))
        print("queued", job, "size", q.qsize())
        await asyncio.sleep(0.1)


async def consumer(q):
    await asyncio.sleep(1)
    while True:
        priority, job = await q.get()
        print(f"{asyncio.get_running_loop().time():.1f} handling {job} (priority {priority})")
        await asyncio.sleep(0.5)
        q.task_done()


async def main():
    q = asyncio.PriorityQueue()
    worker = asyncio.create_task(consumer(q))
    await producer(q)
    await q.join()
    worker.cancel()
    q.put_nowait(1)
    try:
        q.put_nowait("one")
    except TypeError as e:
        print("TypeError:", e, q.qsize())
    print(type(q), isinstance(q, asyncio.Queue))


asyncio.run(main())
