import asyncio

async def work(n):
    await asyncio.sleep(n)
    return n * 3

loop = asyncio.get_event_loop()
print(loop.run_until_complete(work(1)))
print(loop.run_until_complete(work(2)))
print(loop.is_closed())
loop.close()
print(loop.is_closed())
