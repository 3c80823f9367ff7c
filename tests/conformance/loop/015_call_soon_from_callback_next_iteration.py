import asyncio

async def main():
    loop = asyncio.get_running_loop()
    def first():
        print("first")
        loop.call_soon(print, "scheduled by first")
    loop.call_soon(first)
    loop.call_soon(print, "second")
    await asyncio.sleep(0)
    print("main after 1 iteration")
    await asyncio.sleep(0)
    print("main after 2 iterations")

asyncio.run(main())
