import asyncio

async def my_coroutine():
    print("Indian")
    await asyncio.sleep(3)
    print("Pythonista")

loop = asyncio.get_event_loop()
loop.run_until_complete(my_coroutine())
loop.close()
