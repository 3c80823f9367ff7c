import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    try:
        await asyncio.wait_for(lock.acquire(), timeout=0.5)
    except asyncio.TimeoutError:
        print("could not get lock in time; locked:", lock.locked())
    lock.release()
    await asyncio.wait_for(lock.acquire(), timeout=0.5)
    print("acquired", lock.locked())

asyncio.run(main())
