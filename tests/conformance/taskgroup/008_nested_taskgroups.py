import asyncio

async def leaf(name, d):
    await asyncio.sleep(d)
    print("leaf", name)

async def branch(name):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(name + ".1", 0.2))
        tg.create_task(leaf(name + ".2", 0.1))
    print("branch", name, "done")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(branch("A"))
        tg.create_task(branch("B"))
    print("all done")

asyncio.run(main())
