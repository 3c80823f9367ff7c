import asyncio

state = {"ready": 0}

async def checker(cond):
    async with cond:
        await cond.wait_for(lambda: state["ready"] >= 3)
        print("predicate true with", state["ready"], "at", asyncio.get_running_loop().time())

async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(checker(cond))
    for _ in range(4):
        await asyncio.sleep(0.5)
        async with cond:
            state["ready"] += 1
            cond.notify_all()
    await t

asyncio.run(main())
