import asyncio

async def main():
    event = asyncio.Event()
    event.set()
    await event.wait()
    print("wait on set event returns immediately", asyncio.get_running_loop().time())
    event.clear()
    asyncio.get_running_loop().call_later(2, event.set)
    await event.wait()
    print("set again at", asyncio.get_running_loop().time())

asyncio.run(main())
