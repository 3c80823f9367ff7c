import asyncio

async def producer(queue):
    for i in range(5):
        await asyncio.sleep(0.5)
        await queue.put(i)
        print(f"put {i}")

async def consumer(name, queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(1)
        print(f"{name} processed {item}")
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(n, queue)) for n in ("c1", "c2")]
    await producer(queue)
    await queue.join()
    for c in consumers:
        c.cancel()
    print("all items processed")

asyncio.run(main())
