import asyncio

async def coro1():
    await asyncio.sleep(1)
    print("coro1 done")

async def coro2():
    await asyncio.sleep(2)
    print("coro2 done")

async def coro3():
    await asyncio.sleep(3)
    print("coro3 done")

async def main():
    await asyncio.gather(
        coro1(),
        coro2(),
        coro3()
    )

asyncio.run(main())
