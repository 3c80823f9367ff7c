# Reference for sync_test.cpp's PriorityQueue/LifoQueue/Barrier cases (run
# under tests/oracle/vclock.py).
import asyncio
import heapq


class K:
    def __init__(self, k, t):
        self.k, self.t = k, t

    def __lt__(self, other):
        return self.k < other.k


async def worker(barrier, name, delay):
    await asyncio.sleep(delay)
    idx = await barrier.wait()
    print(f"{name} passed with index {idx}")


async def breaker(barrier, name):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print(f"{name} broken: {e}")


async def main():
    pq = asyncio.PriorityQueue()
    for i, k in enumerate([2, 1, 2, 1, 2, 1, 3, 0]):
        pq.put_nowait(K(k, i))
    print(" ".join(f"{x.k}/{x.t}" for x in [pq.get_nowait() for _ in range(8)]))
    lq = asyncio.LifoQueue()
    for i in range(4):
        lq.put_nowait(i)
    print(" ".join(str(lq.get_nowait()) for _ in range(4)))
    b = asyncio.Barrier(3)
    await asyncio.gather(*(worker(b, f"w{i}", i * 0.5) for i in range(3)))
    b2 = asyncio.Barrier(3)
    ts = [asyncio.create_task(breaker(b2, f"b{i}")) for i in range(2)]
    await asyncio.sleep(0.1)
    await b2.reset()
    await asyncio.gather(*ts)
    await b2.abort()
    await breaker(b2, "late")


asyncio.run(main())
