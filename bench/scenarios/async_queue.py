# Async: asyncio.Queue, 4 producers and 4 consumers passing 200,000 items.
import asyncio

ITEMS = 200000
PRODUCERS = 4
CONSUMERS = 4

async def producer(q, start):
    for i in range(start, ITEMS, PRODUCERS):
        await q.put(i)

async def consumer(q, totals, k):
    while True:
        item = await q.get()
        if item is None:
            return
        totals[k] += item

async def main():
    q = asyncio.Queue(maxsize=100)
    totals = [0] * CONSUMERS
    consumers = [asyncio.create_task(consumer(q, totals, k)) for k in range(CONSUMERS)]
    await asyncio.gather(*[producer(q, s) for s in range(PRODUCERS)])
    for _ in range(CONSUMERS):
        await q.put(None)
    await asyncio.gather(*consumers)
    print("items", ITEMS, "sum", sum(totals))

asyncio.run(main())
