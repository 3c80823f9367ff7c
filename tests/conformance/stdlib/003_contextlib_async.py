# asynccontextmanager around a task, contextmanager, suppress, AsyncExitStack.
import asyncio
from contextlib import asynccontextmanager, contextmanager, suppress, AsyncExitStack, ExitStack, nullcontext, closing, aclosing


@asynccontextmanager
async def background(name, period):
    async def tick():
        n = 0
        while True:
            await asyncio.sleep(period)
            n += 1
            print(f"{name} tick {n}")

    task = asyncio.create_task(tick())
    print(f"{name} started")
    try:
        yield task
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        print(f"{name} stopped, cancelled={task.cancelled()}")


@asynccontextmanager
async def connection(host):
    print("connect", host)
    await asyncio.sleep(0.1)
    try:
        yield {"host": host}
    finally:
        await asyncio.sleep(0.1)
        print("disconnect", host)


@contextmanager
def section(title):
    print(f"== {title}")
    try:
        yield title.upper()
    except KeyError as e:
        print("section handled", repr(e))
    finally:
        print(f"== end {title}")


class Resource:
    def close(self):
        print("resource closed")


async def numbers():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield i


async def main():
    async with background("heartbeat", 0.3):
        await asyncio.sleep(1)
    with section("config") as title:
        print("inside", title)
        {}["missing"]
    try:
        with section("fail"):
            raise ValueError("bad")
    except ValueError as e:
        print("propagated", e)
    with suppress(ZeroDivisionError):
        print(1 / 0)
    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connection(h)) for h in ("db", "cache")]
        stack.callback(print, "callback before disconnects")
        print([c["host"] for c in conns])
    with ExitStack() as stack:
        for name in ("a", "b"):
            stack.enter_context(section(name))
        print("both open")
    with nullcontext("value") as v, closing(Resource()):
        print("nullcontext gave", v)
    async with aclosing(numbers()) as gen:
        async for n in gen:
            print("number", n)


asyncio.run(main())
