import asyncio

async def once():
    print("running once")
    await asyncio.sleep(1)
    return "v"

async def main():
    t = asyncio.create_task(once())
    a = await t
    b = await t
    print(a, b, t.result())

asyncio.run(main())
