import asyncio

async def holder(lock):
    async with lock:
        await asyncio.sleep(2)
        print("holder releases")

async def waiter(lock):
    try:
        async with lock:
            print("waiter got lock")
    except asyncio.CancelledError:
        print("waiter cancelled, lock locked:", lock.locked())
        raise

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    w = asyncio.create_task(waiter(lock))
    await asyncio.sleep(1)
    w.cancel()
    await h
    print("lock free:", not lock.locked(), w.cancelled())

asyncio.run(main())
