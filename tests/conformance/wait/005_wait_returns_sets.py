import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.3, 0.1)]
    done, pending = await asyncio.wait(tasks)
    print(type(done).__name__, type(pending).__name__, pending)
    print(sorted(t.get_name() for t in done))

asyncio.run(main())
