import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n


async def main():
    coros = [job(1), job(2)]
    try:
        await asyncio.wait(coros)
    except TypeError as e:
        print("TypeError:", e)
    for c in coros:
        c.close()  # never started: closing them avoids "never awaited" warnings
    tasks = [asyncio.create_task(job(n)) for n in (1, 2)]
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))


asyncio.run(main())
