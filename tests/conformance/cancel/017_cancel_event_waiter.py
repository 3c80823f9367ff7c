import asyncio

async def waiter(ev, name):
    try:
        await ev.wait()
        print(name, "saw the event")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    ev = asyncio.Event()
    a = asyncio.create_task(waiter(ev, "a"))
    b = asyncio.create_task(waiter(ev, "b"))
    await asyncio.sleep(0.5)
    a.cancel()
    await asyncio.sleep(0.5)
    ev.set()
    await asyncio.gather(a, b, return_exceptions=True)
    print(a.cancelled(), b.cancelled())

asyncio.run(main())
