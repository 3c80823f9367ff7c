# combinators_test.cpp: "gather returns results in argument order ..."
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
    r = await asyncio.gather(work("x", 3), work("y", 1), work("z", 2))
    print("".join(r))
    r = await asyncio.gather(work("p", 1), work("bad", 0.5, True), return_exceptions=True)
    print(" ".join("str" if isinstance(x, str) else "error" for x in r))
    try:
        await asyncio.gather(work("q", 1), work("boom", 0.5, True))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(1)
    g = asyncio.gather(work("s", 5), work("t", 5))
    await asyncio.sleep(1)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")

asyncio.run(main())
