import asyncio

async def square(n):
    await asyncio.sleep(n / 10)
    return n * n

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(n), name=f"sq{n}") for n in range(5)]
    print([t.result() for t in tasks])
    print([t.get_name() for t in tasks])

asyncio.run(main())
