import asyncio

async def coro1():
    print("coro1 start")
    await asyncio.sleep(1)
    print("coro1 end")

async def coro2():
    print("coro2 start")
    await asyncio.sleep(2)
    print("coro2 end")

async def coro3():
    print("coro3 start")
    await asyncio.sleep(0.5)
    print("coro3 end")

async def main():
    await asyncio.gather(
        coro1(),
        coro2(),
        coro3()
    )

asyncio.run(main())
