import asyncio

async def main():
    asyncio.get_running_loop().call_later(1, asyncio.current_task().cancel)
    await asyncio.sleep(5)

asyncio.run(main())
