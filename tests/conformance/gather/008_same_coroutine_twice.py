import asyncio

async def once():
    await asyncio.sleep(0.1)
    return "x"

async def main():
    t = asyncio.create_task(once())
    print(await asyncio.gather(t, t, t))

asyncio.run(main())
