import asyncio

async def background():
    for i in range(3):
        await asyncio.sleep(1)
        print("background", i)

async def short():
    await asyncio.sleep(1.5)
    print("short done")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
task = loop.create_task(background())
loop.run_until_complete(short())
print("first run_until_complete returned; background done?", task.done())
loop.run_until_complete(task)
print("background done?", task.done())
loop.close()
