import asyncio

async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise

async def outer():
    child = asyncio.create_task(inner())
    try:
        await child
    except asyncio.CancelledError:
        print("outer cancelled, child cancelled:", child.cancelled())
        raise

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.sleep(0.1)
    print("outer cancelled:", t.cancelled())

asyncio.run(main())
