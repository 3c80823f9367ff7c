import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            print("deadline", cm.when())
            cm.reschedule(loop.time() + 3)
            print("deadline", cm.when())
            await asyncio.sleep(10)
    except TimeoutError:
        print("expired", cm.expired(), loop.time())

asyncio.run(main())
