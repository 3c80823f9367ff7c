import asyncio

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        t = asyncio.current_task()
        print("cancelling() =", t.cancelling())
        t.uncancel()
        print("after uncancel:", t.cancelling())
    return "recovered"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    t.cancel()
    print(await t)

asyncio.run(main())
