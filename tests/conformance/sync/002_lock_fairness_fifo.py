import asyncio

async def user(lock, name, hold):
    print(name, "wants lock")
    async with lock:
        print(name, "has lock at", asyncio.get_running_loop().time())
        await asyncio.sleep(hold)

async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(user(lock, n, 0.5)) for n in ["first", "second", "third", "fourth"]]
    await asyncio.gather(*tasks)

asyncio.run(main())
