import asyncio

def on_done(task):
    print("callback for", task.get_name())
    raise RuntimeError("callback broke")

async def main():
    t = asyncio.create_task(asyncio.sleep(0.5))
    t.add_done_callback(on_done)
    await t
    await asyncio.sleep(0.1)
    print("main continues")

asyncio.run(main())
