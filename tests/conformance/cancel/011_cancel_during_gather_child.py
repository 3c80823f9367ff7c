import asyncio

async def child(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    t1 = asyncio.create_task(child("a", 1))
    t2 = asyncio.create_task(child("b", 2))
    asyncio.get_running_loop().call_later(0.5, t1.cancel)
    try:
        await asyncio.gather(t1, t2)
    except asyncio.CancelledError:
        print("gather raised CancelledError at", asyncio.get_running_loop().time())
    print(t2.done())
    print(await t2)

asyncio.run(main())
