import asyncio

async def consumer(cond, name, items):
    async with cond:
        while not items:
            await cond.wait()
        print(name, "took", items.pop(0))

async def producer(cond, items):
    for i in range(3):
        await asyncio.sleep(1)
        async with cond:
            items.append(i)
            cond.notify()

async def main():
    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(3)]
    await producer(cond, items)
    await asyncio.gather(*consumers)

asyncio.run(main())
