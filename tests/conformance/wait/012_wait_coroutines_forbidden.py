import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n


async def main():
    try:
        await asyncio.wait([job(1), job(2)])
    except TypeError as e:
        print("TypeError:", e)
    tasks = [asyncio.create_task(job(n)) for n in (1, 2)]
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))


asyncio.run(main())
