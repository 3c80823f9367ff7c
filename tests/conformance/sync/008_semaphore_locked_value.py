import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    await sem.acquire()
    print(sem.locked())
    await sem.acquire()
    print(sem.locked())
    sem.release()
    sem.release()
    sem.release()
    print(sem.locked(), "released more than acquired is allowed")

asyncio.run(main())
