import asyncio

async def countdown(n):
    try:
        while n > 0:
            yield n
            await asyncio.sleep(1)
            n -= 1
    finally:
        print("generator cleanup at", n)

async def main():
    async for v in countdown(5):
        print("value", v)
        if v == 3:
            break
    await asyncio.sleep(0)
    print("loop finished")

asyncio.run(main())
