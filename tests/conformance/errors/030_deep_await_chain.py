import asyncio

async def level3():
    await asyncio.sleep(0.25)
    return {}["x"]

async def level2():
    return await level3()

async def level1():
    return await level2()

async def main():
    print("calling")
    await level1()

asyncio.run(main())
