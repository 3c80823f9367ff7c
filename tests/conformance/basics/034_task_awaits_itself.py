import asyncio


async def selfish():
    await asyncio.sleep(1)
    me = asyncio.current_task()
    try:
        await me
    except RuntimeError as e:
        print("caught:", e)
    return "survived"


async def main():
    t = asyncio.create_task(selfish())
    print(await t, asyncio.get_running_loop().time())
    t2 = asyncio.create_task(selfish())
    await asyncio.sleep(1.5)
    print(t2.done(), t2.result())


asyncio.run(main())
