# sync_test.cpp: cancellation while waiting on locks, semaphores, queues.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    async def locker(name):
        try:
            async with lock:
                print(name, "locked at", loop.time())
                await asyncio.sleep(1)
        except asyncio.CancelledError:
            print(name, "cancelled while waiting, lock held:", lock.locked())
            raise
    ts = [asyncio.create_task(locker(n)) for n in ("l1", "l2", "l3")]
    await asyncio.sleep(0.5)
    ts[1].cancel()
    await asyncio.gather(*ts, return_exceptions=True)

    sem = asyncio.Semaphore(1)
    async def taker(name):
        async with sem:
            print(name, "acquired at", loop.time())
            await asyncio.sleep(1)
    a = asyncio.create_task(taker("s1"))
    b = asyncio.create_task(taker("s2"))
    c = asyncio.create_task(taker("s3"))
    await asyncio.sleep(1)   # s1 releases at 1 more: s2 woken, then cancelled before it runs
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("semaphore value", sem._value)

    q = asyncio.Queue(maxsize=1)
    async def getter(name):
        try:
            item = await q.get()
            print(name, "got", item, "at", loop.time())
        except asyncio.CancelledError:
            print(name, "get cancelled")
            raise
    g1 = asyncio.create_task(getter("g1"))
    g2 = asyncio.create_task(getter("g2"))
    await asyncio.sleep(0)
    g1.cancel()
    await q.put("x")
    await asyncio.gather(g1, g2, return_exceptions=True)
    await q.put("y")
    p = asyncio.create_task(q.put("z"))
    await asyncio.sleep(1)
    print("put waiting:", not p.done(), "qsize", q.qsize())
    print("took", q.get_nowait())
    await p
    print("after put qsize", q.qsize(), "at", loop.time())

    cond = asyncio.Condition()
    async def cwait():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print("condition wait cancelled, lock re-acquired:", cond.locked())
                raise
    cw = asyncio.create_task(cwait())
    await asyncio.sleep(1)
    cw.cancel()
    await asyncio.gather(cw, return_exceptions=True)
    print("lock free after:", not cond.locked())

    async def inner():
        try:
            async with asyncio.timeout(5):
                await asyncio.sleep(10)
        except TimeoutError:
            print("inner timeout (not expected)")
    t = asyncio.create_task(inner())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outer cancel passes through the timeout scope at", loop.time())

asyncio.run(main())
