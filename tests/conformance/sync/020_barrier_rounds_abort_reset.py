import asyncio

async def worker(barrier, name, delay):
    await asyncio.sleep(delay)
    print(name, "waiting", barrier.n_waiting)
    idx = await barrier.wait()
    print(name, "passed with index", idx, asyncio.get_running_loop().time())
    async with barrier as pos:
        print(name, "second round", pos)

async def breaker(barrier):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("broken:", repr(e), barrier.broken)

async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    await asyncio.gather(*(worker(b, f"w{i}", i * 0.5) for i in range(3)))
    b2 = asyncio.Barrier(2)
    t = asyncio.create_task(breaker(b2))
    await asyncio.sleep(1)
    await b2.abort()
    await t
    try:
        await b2.wait()
    except asyncio.BrokenBarrierError as e:
        print("again:", e)
    b3 = asyncio.Barrier(3)
    ts = [asyncio.create_task(breaker(b3)) for _ in range(2)]
    await asyncio.sleep(0.1)
    await b3.reset()
    await asyncio.gather(*ts)
    print(b3.broken, b3.n_waiting)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
