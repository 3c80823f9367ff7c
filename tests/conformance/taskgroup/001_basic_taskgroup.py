import asyncio

async def fetch(name, d):
    await asyncio.sleep(d)
    print("fetched", name)
    return name.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch("a", 1))
        t2 = tg.create_task(fetch("b", 0.5))
        print("tasks started")
    print("both done:", t1.result(), t2.result())

asyncio.run(main())
