import asyncio

async def ok(d):
    try:
        await asyncio.sleep(d)
        print("ok", d)
    except asyncio.CancelledError:
        print("sibling", d, "cancelled")
        raise

async def bad():
    await asyncio.sleep(1)
    raise ValueError("boom")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(0.5))
            tg.create_task(bad())
            tg.create_task(ok(2))
    except* ValueError as eg:
        print("caught", type(eg).__name__, eg.exceptions)

asyncio.run(main())
