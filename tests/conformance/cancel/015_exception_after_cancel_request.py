import asyncio

async def worker():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        raise RuntimeError("cleanup failed")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except RuntimeError as e:
        print("got", type(e).__name__, e, "cancelled:", t.cancelled())

asyncio.run(main())
