import asyncio

async def stage(name, inbox, outbox, delay):
    while True:
        item = await inbox.get()
        if item is None:
            if outbox is not None:
                await outbox.put(None)
            break
        await asyncio.sleep(delay)
        result = f"{item}>{name}"
        if outbox is not None:
            await outbox.put(result)
        else:
            print(asyncio.get_running_loop().time(), result)

async def main():
    q1, q2 = asyncio.Queue(), asyncio.Queue()
    stages = [
        asyncio.create_task(stage("parse", q1, q2, 0.3)),
        asyncio.create_task(stage("store", q2, None, 0.5)),
    ]
    for i in range(3):
        await q1.put(f"msg{i}")
    await q1.put(None)
    await asyncio.gather(*stages)

asyncio.run(main())
