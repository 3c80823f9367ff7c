import asyncio

async def quick():
    return 1

async def main():
    t = asyncio.create_task(quick())
    await t
    print("cancel after done:", t.cancel(), t.cancelled(), t.result())

asyncio.run(main())
