# Real-time reference (tests/oracle/realtime.py): deadlines on multiples of
# 0.1 s, no two prints due at the same time on different threads.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def job(n):
    time.sleep(n)
    print(f"{n} done on {threading.current_thread().name}")
    return n * 2


def quiet(n):
    time.sleep(n)
    return threading.current_thread().name


def now(loop):
    return int(loop.time() * 10 + 0.25) / 10


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, job, n) for n in (0.5, 1.2, 0.9)]
        print(await asyncio.gather(*futs), now(loop))
    with ThreadPoolExecutor(thread_name_prefix="fetch") as pool:
        print(await loop.run_in_executor(pool, quiet, 0.3), now(loop))
    # the default executor has min(32, cpu_count + 4) = 8 workers: a 9th job waits
    names = await asyncio.gather(*(loop.run_in_executor(None, quiet, 1) for _ in range(9)))
    print(sorted(set(names)), now(loop))


asyncio.run(main())
