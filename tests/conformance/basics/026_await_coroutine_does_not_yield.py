import asyncio

async def no_suspend():
    return "instant"

async def other():
    print("other task runs")

async def main():
    asyncio.create_task(other())
    print(await no_suspend())
    print("still before other")
    await asyncio.sleep(0)
    print("after yielding")

asyncio.run(main())
