import asyncio

async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise ValueError(name)
    print(name, "done")
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("a", 1))
        b = tg.create_task(work("b", 2))
    print("group 1 results", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("c", 1, True))
            tg.create_task(work("d", 3))
            tg.create_task(work("e", 1.5, True))
            await asyncio.sleep(5)
            print("not reached")
    except ExceptionGroup as eg:
        print("group 2:", eg.message, [str(e) for e in eg.exceptions])
    print("end")

asyncio.run(main())
