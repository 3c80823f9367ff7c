import asyncio

async def sleeper():
    try:
        await asyncio.sleep(1)
        print("sleeper finished its sleep")
    except asyncio.CancelledError:
        print("sleeper cancelled")
        raise

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    asyncio.get_running_loop().call_later(1, t.cancel)
    await asyncio.sleep(2)
    print("cancelled:", t.cancelled())

asyncio.run(main())
