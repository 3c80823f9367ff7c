import asyncio

async def job(n):
    await asyncio.sleep(n)
    if n == 2:
        raise RuntimeError("job 2 broke")
    return n * 10

async def main():
    results = await asyncio.gather(job(1), job(2), job(3), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)

asyncio.run(main())
