import asyncio

async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    loop.call_at(now + 1.5, print, "at +1.5")
    loop.call_at(now + 0.5, print, "at +0.5")
    loop.call_at(now - 1, print, "in the past runs at once")
    await asyncio.sleep(2)

asyncio.run(main())
