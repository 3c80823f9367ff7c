# sync_test.cpp
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    order = []

    async def locker(name, hold):
        async with lock:
            print(name, "has the lock at", loop.time())
            await asyncio.sleep(hold)

    await asyncio.gather(locker("a", 1), locker("b", 1), locker("c", 1))

    ev = asyncio.Event()
    async def waiter(name):
        await ev.wait()
        print(name, "saw the event at", loop.time())
    ws = [asyncio.create_task(waiter(n)) for n in ("w1", "w2")]
    await asyncio.sleep(1)
    ev.set()
    print("event set")
    await asyncio.gather(*ws)

    sem = asyncio.Semaphore(2)
    async def limited(name):
        async with sem:
            print(name, "in at", loop.time())
            await asyncio.sleep(1)
    await asyncio.gather(*(limited(f"s{i}") for i in range(5)))

    cond = asyncio.Condition()
    items = []
    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            print(name, "consumed", items.pop(0), "at", loop.time())
    cs = [asyncio.create_task(consumer(n)) for n in ("c1", "c2")]
    await asyncio.sleep(1)
    async with cond:
        items.extend([1, 2])
        cond.notify_all()
    await asyncio.gather(*cs)

    q = asyncio.Queue(maxsize=2)
    async def producer():
        for i in range(5):
            await q.put(i)
            print("put", i, "at", loop.time())
    async def worker():
        while True:
            item = await q.get()
            await asyncio.sleep(1)
            print("got", item, "at", loop.time())
            q.task_done()
    w = asyncio.create_task(worker())
    await producer()
    await q.join()
    print("joined at", loop.time())
    w.cancel()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

asyncio.run(main())
