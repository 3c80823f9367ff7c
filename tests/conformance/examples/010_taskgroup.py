import asyncio

async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(f"{name} done")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 1))
            tg.create_task(job("b", 2, fail=True))
            tg.create_task(job("c", 3))
    except ExceptionGroup as eg:
        print("caught:", eg.exceptions)

asyncio.run(main())
