import asyncio

async def job(i):
    await asyncio.sleep((7 * i) % 5 / 10)
    print("finished", i)
    return i * i

async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(8)]
    results = [await t for t in tasks]
    print(results)

asyncio.run(main())
