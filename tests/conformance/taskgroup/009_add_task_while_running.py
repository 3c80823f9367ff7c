import asyncio

async def spawner(tg, n):
    await asyncio.sleep(0.5)
    if n > 0:
        print("spawning", n - 1)
        tg.create_task(spawner(tg, n - 1))

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 3))
    print("group exited at", asyncio.get_running_loop().time())

asyncio.run(main())
