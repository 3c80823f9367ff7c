import asyncio

def bad_callback():
    raise ValueError("callback failed")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback)
    await asyncio.sleep(0.5)
    print("loop kept running")

asyncio.run(main())
