import asyncio

def cb(name):
    print("callback", name)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "one")
    loop.call_soon(cb, "two")
    print("scheduled")
    await asyncio.sleep(0)
    print("after one iteration")
    loop.call_soon(cb, "three")

asyncio.run(main())
