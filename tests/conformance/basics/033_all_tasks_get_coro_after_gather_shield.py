import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n


async def main():
    first = asyncio.create_task(work(1))
    both = asyncio.gather(work(2), work(3))
    guarded = asyncio.shield(first)
    names = []
    for t in asyncio.all_tasks():
        coro = t.get_coro()
        names.append((t.get_name(), coro.__qualname__ if hasattr(coro, "__qualname__") else str(type(coro))))
    for n in sorted(names):
        print(*n)
    print(await both, await guarded)
    print(asyncio.current_task().get_coro().__qualname__)


asyncio.run(main())
