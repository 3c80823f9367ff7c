import asyncio

async def work(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    t = asyncio.create_task(work("task", 1))
    res = await asyncio.gather(t, work("coro", 0.5), asyncio.sleep(0.2, result="sleep"))
    print(res)

asyncio.run(main())
