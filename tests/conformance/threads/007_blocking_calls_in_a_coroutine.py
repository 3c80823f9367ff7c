# Real-time reference (tests/oracle/realtime.py): Future.result() and
# Thread.join() called from a coroutine block the whole loop until the
# thread's end (the ticker stops meanwhile).
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def slow(n):
    time.sleep(n)
    print("slow", n, "done")
    return n


def now(loop):
    return int(loop.time() * 10 + 0.25) / 10


async def ticker():
    for i in range(6):
        print("tick", i, now(asyncio.get_running_loop()))
        await asyncio.sleep(0.4)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.1)
    pool = ThreadPoolExecutor(max_workers=1)
    fut = pool.submit(slow, 0.7)
    print("blocking on result()", now(loop))
    print("got", fut.result(), now(loop))
    th = threading.Thread(target=slow, args=(0.5,))
    th.start()
    print("blocking on join()", now(loop))
    th.join()
    print("joined", th.is_alive(), now(loop))
    pool.shutdown()
    await t
    print("done", now(loop))


asyncio.run(main())
