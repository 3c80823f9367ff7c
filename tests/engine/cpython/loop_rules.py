# loop_test.cpp: callbacks, handles, blocking, clock arithmetic.
import asyncio, time

async def main():
    loop = asyncio.get_running_loop()
    log = lambda *a: print(*a)
    loop.call_later(1, log, "timer at 1")
    h = loop.call_later(1.5, log, "cancelled timer")
    loop.call_at(2, log, "call_at 2")
    s = loop.call_soon(log, "soon cancelled")
    loop.call_soon(log, "soon")
    s.cancel()
    h.cancel()
    async def sleeper():
        await asyncio.sleep(0.5)
        print("sleeper woke at", loop.time())
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    time.sleep(1)   # blocks: the 0.5 s sleeper can only wake after it
    print("blocked until", loop.time())
    await t
    await asyncio.sleep(1.5)
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.2)
    print(repr(loop.time()))

asyncio.run(main())
