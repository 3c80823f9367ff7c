import asyncio

async def maybe(n):
    await asyncio.sleep(0.1 * n)
    if n % 2:
        raise RuntimeError(f"odd {n}")
    return n

async def main():
    results = await asyncio.gather(*(maybe(i) for i in range(5)), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    print(results)

asyncio.run(main())
