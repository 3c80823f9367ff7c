import asyncio

def cb(f):
    print("should not run")

async def main():
    t = asyncio.create_task(asyncio.sleep(0.1))
    t.add_done_callback(cb)
    print(t.remove_done_callback(cb))
    await t
    await asyncio.sleep(0)
    print("done without callback")

asyncio.run(main())
