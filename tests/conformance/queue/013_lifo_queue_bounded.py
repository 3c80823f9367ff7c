import asyncio


async def producer(q):
    for i in range(5):
        await q.put(i)
        print(f"{asyncio.get_running_loop().time():.1f} put {i} full={q.full()}")


async def consumer(q):
    await asyncio.sleep(1)
    for _ in range(5):
        item = await q.get()
        print(f"{asyncio.get_running_loop().time():.1f} got {item}")
        await asyncio.sleep(0.5)


async def main():
    q = asyncio.LifoQueue(maxsize=2)
    print(type(q), q.maxsize)
    await asyncio.gather(producer(q), consumer(q))
    for i in range(3):
        q.put_nowait(i)
    print([q.get_nowait() for _ in range(3)])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")


asyncio.run(main())
