# Real-time reference (tests/oracle/realtime.py): what tutorials hand to
# executors and threads besides plain functions: functools.partial, bound
# methods, callable objects; a thread's exception ends only that thread.
import asyncio
import functools
import threading
import time


def download(url, *, retries, delay):
    time.sleep(delay)
    return f"{url} after {retries} tries"


class Worker:
    def __init__(self, name):
        self.name = name
        self.done = 0

    def step(self, n):
        time.sleep(n / 10)
        self.done += n
        return f"{self.name} did {n}"

    def __call__(self, n):
        time.sleep(n / 10)
        print(self.name, "called with", n, round(time.monotonic(), 1))


def now(loop):
    return int(loop.time() * 10 + 0.25) / 10


def fails():
    time.sleep(0.1)
    raise KeyError("missing")


async def main():
    loop = asyncio.get_running_loop()
    job = functools.partial(download, "a.example", retries=2, delay=0.3)
    print(await loop.run_in_executor(None, job), now(loop))
    w = Worker("w")
    print(await asyncio.to_thread(w.step, 2), w.done, now(loop))
    t = threading.Thread(target=w, args=(4,))
    t.start()
    await asyncio.sleep(0.5)
    print("slept", now(loop))
    bad = threading.Thread(target=fails, name="bad")
    bad.start()
    bad.join()
    print("bad ended", bad.is_alive(), now(loop))


asyncio.run(main())
