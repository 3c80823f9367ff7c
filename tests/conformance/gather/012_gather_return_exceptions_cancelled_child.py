import asyncio

async def sleeper(d):
    await asyncio.sleep(d)
    return d

async def main():
    t1 = asyncio.create_task(sleeper(1))
    t2 = asyncio.create_task(sleeper(2))
    asyncio.get_running_loop().call_later(0.5, t2.cancel)
    res = await asyncio.gather(t1, t2, return_exceptions=True)
    print([type(r).__name__ for r in res], res[0])

asyncio.run(main())
