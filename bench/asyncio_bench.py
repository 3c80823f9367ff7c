"""CPython 3.11 asyncio on the engine benchmarks' workloads (bench/engine_bench.cpp).
Prints one "<key> <value>" line per figure."""
import asyncio
import random
import time
import tracemalloc

from vloop import VirtualLoop  # bench/vloop.py: a loop whose clock is virtual


async def yielder(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def sleeper(d):
    await asyncio.sleep(d)


async def trivial(i):
    return i


def w1():
    loop = asyncio.new_event_loop()
    tasks = [loop.create_task(yielder(1000)) for _ in range(1000)]
    t0 = time.perf_counter()
    loop.run_until_complete(asyncio.gather(*tasks))
    loop.close()
    return 1000 * 1000 / (time.perf_counter() - t0)


def w2():
    loop = VirtualLoop()
    rng = random.Random(42)
    delays = [rng.uniform(0, 1000) for _ in range(200000)]  # before the clock starts
    t0 = time.perf_counter()
    tasks = [loop.create_task(sleeper(d)) for d in delays]
    loop.run_until_complete(asyncio.gather(*tasks))
    loop.close()
    return 200000 / (time.perf_counter() - t0)


def w3():
    async def spawn_all(n):
        tasks = [asyncio.create_task(trivial(i)) for i in range(n)]
        return sum(await asyncio.gather(*tasks))
    loop = asyncio.new_event_loop()
    t0 = time.perf_counter()
    loop.run_until_complete(spawn_all(100000))
    loop.close()
    return 100000 / (time.perf_counter() - t0)


def w4():
    # CPython's recursion limit stops nesting far below 100,000: run 100 chains
    # of 900 nested awaits (90,000 awaits) and scale to 100,000.
    async def nest(d):
        if d == 0:
            return 0
        return await nest(d - 1) + 1

    async def chains():
        for _ in range(100):
            await nest(900)
    loop = asyncio.new_event_loop()
    t0 = time.perf_counter()
    loop.run_until_complete(chains())
    loop.close()
    return (time.perf_counter() - t0) * 100000 / 90000


def memory():
    loop = VirtualLoop()
    n = 100000
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tasks = [loop.create_task(sleeper(1.0 + i)) for i in range(n)]
    loop.call_soon(loop.stop)
    loop.run_forever()  # every task now sleeps
    per = (tracemalloc.get_traced_memory()[0] - before) / n
    tracemalloc.stop()
    for t in tasks:
        t.cancel()
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
    loop.close()
    return per


if __name__ == "__main__":
    print("W1_switches_per_s %.0f" % w1(), flush=True)
    print("W2_timers_per_s %.0f" % w2(), flush=True)
    print("W3_tasks_per_s %.0f" % w3(), flush=True)
    print("W4_seconds %.4f" % w4(), flush=True)
    print("W4_stack_bytes -", flush=True)
    print("bytes_per_sleeping_task %.0f" % memory(), flush=True)
