import asyncio

async def job(n):
    await asyncio.sleep(n / 2)
    if n == 2:
        raise ZeroDivisionError("job 2 divided by zero")
    return n

async def main():
    results = await asyncio.gather(*(job(n) for n in range(4)), return_exceptions=True)
    print(results)
    for r in results:
        if isinstance(r, Exception):
            raise r

asyncio.run(main())
