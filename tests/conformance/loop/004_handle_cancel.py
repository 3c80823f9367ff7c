import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_later(1, print, "should not print")
    h2 = loop.call_later(2, print, "prints at 2")
    h3 = loop.call_soon(print, "soon, cancelled")
    h1.cancel()
    h3.cancel()
    print(h1.cancelled(), h2.cancelled(), h3.cancelled())
    print(h2.when())
    await asyncio.sleep(3)
    print("end", loop.time())

asyncio.run(main())
