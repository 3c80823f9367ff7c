import asyncio

async def noop():
    pass

loop = asyncio.new_event_loop()
loop.close()
coro = noop()
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
