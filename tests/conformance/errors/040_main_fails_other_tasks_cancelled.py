import asyncio

async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background cancelled during shutdown at", asyncio.get_running_loop().time())
        raise

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    raise ValueError("main gave up")

asyncio.run(main())
