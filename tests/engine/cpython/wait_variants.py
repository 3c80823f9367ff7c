# combinators_test.cpp: "wait, wait_for and timeout ..."
import asyncio

async def work(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise ValueError(name)
    print(name, "done")
    return name

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(work(n, d)) for n, d in (("a", 3), ("b", 1), ("c", 2))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(loop.time(), list(done)[0].result(), len(pending))
    ts2 = [asyncio.create_task(work("e", 1.5, True)), asyncio.create_task(work("f", 5))]
    done, pending = await asyncio.wait(ts2, return_when=asyncio.FIRST_EXCEPTION)
    print(loop.time(), len(done), len(pending))
    done, pending = await asyncio.wait(ts + ts2, timeout=1)
    print(loop.time(), len(done), len(pending))
    done, pending = await asyncio.wait(ts + ts2)
    print(loop.time(), len(done), len(pending))
    try:
        await asyncio.wait_for(work("g", 5), timeout=2)
    except asyncio.TimeoutError:
        print(loop.time(), "timeout")
    print(await asyncio.wait_for(work("h", 1), timeout=2), loop.time())
    try:
        async with asyncio.timeout(1.5):
            await asyncio.sleep(10)
    except TimeoutError:
        print(loop.time(), "scope timeout")
    ts2[0].exception()

asyncio.run(main())
