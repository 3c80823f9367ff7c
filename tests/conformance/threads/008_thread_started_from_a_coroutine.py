# Real-time reference (tests/oracle/realtime.py): a threading.Thread
# started from a coroutine runs beside the loop; it reports back with
# loop.call_soon_threadsafe.
import asyncio
import threading
import time


def now(loop):
    return int(loop.time() * 10 + 0.25) / 10


def worker(loop, fut, steps):
    for i in range(steps):
        time.sleep(0.3)
        print("worker step", i, threading.current_thread().name)
    loop.call_soon_threadsafe(fut.set_result, f"{steps} steps")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = threading.Thread(target=worker, args=(loop, fut, 3), name="helper", daemon=True)
    t.start()
    print("started", t.name, t.daemon, t.is_alive())
    for i in range(2):
        await asyncio.sleep(0.4)
        print("loop", i, now(loop))
    print("result:", await fut, now(loop))
    await asyncio.sleep(0.1)
    print("alive:", t.is_alive())


asyncio.run(main())
