import asyncio

async def compute(x):
    print("computing", x)
    await asyncio.sleep(1)
    return x * 10

async def main():
    coro = compute(4)
    print("created coroutine, nothing ran yet")
    result = await coro
    print("result", result)

asyncio.run(main())
