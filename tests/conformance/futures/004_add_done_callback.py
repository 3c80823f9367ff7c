import asyncio

def report(fut):
    print("callback sees", fut.result(), "at", asyncio.get_event_loop().time())

async def work():
    await asyncio.sleep(1)
    return 99

async def main():
    t = asyncio.create_task(work())
    t.add_done_callback(report)
    t.add_done_callback(lambda f: print("second callback"))
    print(await t)
    await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
