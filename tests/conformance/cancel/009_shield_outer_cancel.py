import asyncio

async def work():
    await asyncio.sleep(1)
    print("shielded work done")
    return 5

async def waiter(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("waiter cancelled, inner done?", inner.done())
        raise

async def main():
    inner = asyncio.create_task(work())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.5)
    w.cancel()
    await asyncio.sleep(1)
    print(w.cancelled(), inner.result())

asyncio.run(main())
