import asyncio

# An async generator dropped before its end is closed by a task the loop
# creates for it (the loop's finalizer hook): its finally runs concurrently
# with the code that dropped it, and that task takes a Task-N name.

async def numbers(tag, step):
    n = 0
    try:
        while True:
            yield n
            n += 1
            await asyncio.sleep(step)
    finally:
        print(tag, "finally at", n, "in", asyncio.current_task().get_name())
        await asyncio.sleep(0.25)
        print(tag, "closed")

async def first_above(agen, limit):
    async for x in agen:
        if x > limit:
            return x

async def pairs():
    async for a in numbers("outer", 0.5):
        async for b in numbers("inner", 0.1):
            if b == 2:
                break
        yield a, b
        if a == 1:
            return

async def main():
    print("first", await first_above(numbers("one", 0.1), 2))
    print("next task", asyncio.create_task(asyncio.sleep(0)).get_name())
    await asyncio.sleep(1)
    found = await asyncio.gather(first_above(numbers("two", 0.2), 1),
                                 first_above(numbers("three", 0.3), 1))
    print("gathered", found)
    await asyncio.sleep(1)
    async for p in pairs():
        print("pair", p)
    await asyncio.sleep(1)
    print("end", asyncio.create_task(asyncio.sleep(0)).get_name())

asyncio.run(main())
