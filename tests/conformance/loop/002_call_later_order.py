import asyncio

def stamp(label):
    print(asyncio.get_event_loop().time(), label)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(2, stamp, "two seconds")
    loop.call_later(0.5, stamp, "half a second")
    loop.call_later(1, stamp, "one second (a)")
    loop.call_later(1, stamp, "one second (b)")
    loop.call_soon(stamp, "soon")
    await asyncio.sleep(3)

asyncio.run(main())
