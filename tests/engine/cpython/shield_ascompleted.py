import asyncio

async def work(name, d):
    await asyncio.sleep(d)
    print(name, "done")
    return name

async def main():
    loop = asyncio.get_running_loop()
    inner = asyncio.create_task(work("inner", 2))
    outer = asyncio.shield(inner)
    await asyncio.sleep(1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled at", loop.time())
    print("inner result", await inner, loop.time())
    for aw in asyncio.as_completed([work("x", 3), work("y", 1), work("z", 2)]):
        print("as_completed gives", await aw, loop.time())
    try:
        for aw in asyncio.as_completed([work("slow", 5), work("fast", 1)], timeout=2):
            print("got", await aw, loop.time())
    except asyncio.TimeoutError:
        print("as_completed timeout at", loop.time())

asyncio.run(main())
