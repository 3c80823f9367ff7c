# Async generator methods as CPython 3.11: asend (values in, StopAsyncIteration
# at the end), athrow (caught, propagated, on a finished or unstarted
# generator), aclose, and the errors of misuse.
import asyncio

async def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
                received.append(v)
            except ValueError as e:
                print("caught", repr(e))
                yield -1
    finally:
        print("cleanup", received)

async def counter():
    for i in range(3):
        yield i
    print("counter done")

async def main():
    g = echo()
    print(await g.asend(None))
    print(await g.asend("a"))
    print(await g.athrow(ValueError("bad")))
    print(await g.asend("b"))
    print(await g.athrow(ValueError, "cls"))
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("propagated", repr(e))
    print(await g.athrow(ValueError("after end")))
    try:
        await g.asend(1)
    except StopAsyncIteration:
        print("stop after end")
    g2 = echo()
    try:
        await g2.asend(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await g2.athrow(RuntimeError("early"))
    except RuntimeError as e:
        print("early:", e)
    try:
        await anext(g2)
    except StopAsyncIteration:
        print("g2 finished")
    c = counter()
    print(await c.asend(None), await anext(c))
    try:
        await c.athrow(StopAsyncIteration)
    except RuntimeError as e:
        print("RuntimeError:", e, "from", type(e.__cause__).__name__)
    c3 = counter()
    await anext(c3)
    print(await c3.aclose(), await c3.aclose())
    c4 = counter()
    async def consume():
        async for x in c4:
            print("got", x)
            await asyncio.sleep(0.5)
    await asyncio.gather(consume(), asyncio.sleep(0.2))
    try:
        g5 = echo(); await g5.asend()
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
