# Real-time reference (tests/oracle/realtime.py): a worker thread hands
# coroutines to the loop with asyncio.run_coroutine_threadsafe and waits
# for their results; loop.call_soon_threadsafe schedules a callback.
import asyncio
import threading
import time


async def fetch(n):
    await asyncio.sleep(n / 10)
    return n * 100


def now(loop):
    return int(loop.time() * 10 + 0.25) / 10


def worker(loop):
    for n in (3, 2):
        cf = asyncio.run_coroutine_threadsafe(fetch(n), loop)
        print("worker got", cf.result(), now(loop))
    time.sleep(0.1)
    loop.call_soon_threadsafe(print, "callback from the worker", now(loop))
    return "worker done"


async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, worker, loop)
    print(r, now(loop))
    cf = asyncio.run_coroutine_threadsafe(fetch(1), loop)
    print("from the loop itself:", await asyncio.wrap_future(cf), now(loop))


asyncio.run(main())
