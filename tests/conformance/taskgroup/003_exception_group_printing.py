import asyncio

async def fail(msg, d):
    await asyncio.sleep(d)
    raise RuntimeError(msg)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("first", 1))
            tg.create_task(fail("second", 1))
    except ExceptionGroup as eg:
        print(eg)
        print(repr(eg))
        print(len(eg.exceptions), [str(e) for e in eg.exceptions])

asyncio.run(main())
