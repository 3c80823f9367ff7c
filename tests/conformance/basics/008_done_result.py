import asyncio

async def job():
    await asyncio.sleep(1)
    return "payload"

async def main():
    t = asyncio.create_task(job())
    print("done?", t.done())
    await asyncio.sleep(0.5)
    print("done?", t.done())
    await asyncio.sleep(1)
    print("done?", t.done(), t.result(), t.cancelled())

asyncio.run(main())
