import asyncio

counter = 0

async def unsafe_increment():
    global counter
    value = counter
    await asyncio.sleep(0)
    counter = value + 1

async def main():
    await asyncio.gather(*(unsafe_increment() for _ in range(5)))
    print("without lock:", counter)

asyncio.run(main())
