import asyncio

async def delayed(value, delay):
    await asyncio.sleep(delay)
    print("finished", value)
    return value

async def main():
    results = await asyncio.gather(delayed("slow", 2), delayed("fast", 1), delayed("mid", 1.5))
    print(results)

asyncio.run(main())
