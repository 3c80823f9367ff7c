import asyncio

async def hello():
    await asyncio.sleep(0.5)
    print("hello from", asyncio.current_task().get_name())

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(hello())
print(asyncio.get_event_loop() is loop)
loop.close()
