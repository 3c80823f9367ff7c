import asyncio

async def fail():
    raise KeyError("missing")

async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0)
    print(t.done(), type(t.exception()).__name__, t.exception())
    try:
        t.result()
    except KeyError as e:
        print("result() re-raises:", repr(e))

asyncio.run(main())
