# Real-time reference (tests/oracle/realtime.py): deadlines on multiples of
# 0.1 s, no two prints due at the same time on different threads.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def work(n):
    time.sleep(n / 10)
    # which of two idle workers takes a job is a race in CPython: only the
    # first job (one worker then) names its thread
    print(f"work {n} done" + (f" on {threading.current_thread().name}" if n == 3 else ""))
    return n * n


def now(loop):
    return int(loop.time() * 10 + 0.25) / 10


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        cf = pool.submit(work, 3)
        print("submitted", type(cf).__name__, cf.done())
        fut = asyncio.wrap_future(cf)
        print("wrapped", asyncio.isfuture(fut))
        print("result", await fut, now(loop))
        squares = list(pool.map(work, [1, 2, 4]))  # blocks the loop until the last one
        print("map", squares, now(loop))
        print("run_in_executor", await loop.run_in_executor(pool, work, 1), now(loop))
        futs = [asyncio.wrap_future(pool.submit(work, n)) for n in (5, 2)]
        print("gather", await asyncio.gather(*futs), now(loop))
    print("after with", now(loop))


asyncio.run(main())
