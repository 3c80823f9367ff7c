import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return f"{name} after {d}"

async def main():
    aws = [job("a", 3), job("b", 1), job("c", 2)]
    for coro in asyncio.as_completed(aws):
        result = await coro
        print(asyncio.get_running_loop().time(), result)

asyncio.run(main())
