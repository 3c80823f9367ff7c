import asyncio

async def quick():
    await asyncio.sleep(0.5)
    return "fast result"

async def main():
    print(await asyncio.wait_for(quick(), timeout=2))
    print(await asyncio.wait_for(quick(), timeout=None))

asyncio.run(main())
