import asyncio

async def quick():
    return "q"

async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    done, pending = await asyncio.wait([t], timeout=1)
    print(len(done), len(pending), asyncio.get_running_loop().time())

asyncio.run(main())
