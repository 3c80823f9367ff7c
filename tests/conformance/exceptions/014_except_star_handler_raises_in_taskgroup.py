import asyncio

async def fail(d, exc):
    await asyncio.sleep(d)
    raise exc

async def main():
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail(0.1, ValueError("v1")))
                tg.create_task(fail(0.1, OSError("o1")))
                tg.create_task(fail(0.1, ValueError("v2")))
        except* ValueError as eg:
            print("values", eg.exceptions)
            await asyncio.sleep(0.5)
            raise KeyError("from handler")
        except* OSError as eg:
            print("oserr", eg.exceptions, repr(eg.__context__)[:20])
    except* KeyError as eg:
        print("keys", repr(eg))
        print("ctx", repr(eg.exceptions[0].__context__))
    print("done")


asyncio.run(main())
