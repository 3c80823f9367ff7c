import asyncio

async def job(name):
    await asyncio.sleep(1)
    print(name, "done")
    return name

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
t = loop.create_task(job("created on loop"))
print(t.get_name(), t.done())
print(loop.run_until_complete(t))
print(loop.run_until_complete(asyncio.gather(job("x"), job("y"))))
loop.close()
