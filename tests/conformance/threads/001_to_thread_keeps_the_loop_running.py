# Real-time reference (tests/oracle/realtime.py): deadlines on multiples of
# 0.1 s, no worker print due at the same time as a loop print.
import asyncio
import threading
import time


def blocking_io(n):
    print(f"job {n} starts on {threading.current_thread().name}")
    time.sleep(n)
    print(f"job {n} done")
    return n * 10


async def ticker():
    for i in range(4):
        await asyncio.sleep(0.7)
        print("tick", i)


def now(loop):
    return int(loop.time() * 10 + 0.25) / 10


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    r = await asyncio.gather(asyncio.to_thread(blocking_io, 1), loop.run_in_executor(None, blocking_io, 2))
    print("results", r, now(loop))
    await t
    print("ticker done", now(loop))


asyncio.run(main())
