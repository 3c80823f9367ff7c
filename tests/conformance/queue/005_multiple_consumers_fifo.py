import asyncio

async def consumer(name, q, log):
    while True:
        item = await q.get()
        log.append((name, item))
        q.task_done()
        if item == "stop":
            return

async def main():
    q = asyncio.Queue()
    log = []
    consumers = [asyncio.create_task(consumer(f"c{i}", q, log)) for i in range(3)]
    await asyncio.sleep(0)
    for item in ["a", "b", "c", "d", "stop", "stop", "stop"]:
        await q.put(item)
    await asyncio.gather(*consumers)
    print(log)

asyncio.run(main())
