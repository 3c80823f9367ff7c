import asyncio

async def fire_and_forget():
    await asyncio.sleep(0.5)
    raise ValueError("nobody awaits me")

async def main():
    asyncio.create_task(fire_and_forget())
    await asyncio.sleep(1)
    print("main done")

asyncio.run(main())
