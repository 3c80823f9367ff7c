import asyncio

counter = 0

async def increment(lock, name):
    global counter
    async with lock:
        value = counter
        await asyncio.sleep(1)     # another task would read the old value here
        counter = value + 1
        print(f"{name} set counter to {counter}")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(lock, n) for n in ("a", "b", "c")))
    print("final", counter)

asyncio.run(main())
