import asyncio

async def child():
    print("child runs")

async def main():
    asyncio.create_task(child())
    print("after create_task")
    await asyncio.sleep(0)
    print("after sleep(0)")

asyncio.run(main())
