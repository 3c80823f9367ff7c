import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (1, 1, 2, 2, 2, 3)]
    pending = set(tasks)
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        print(asyncio.get_running_loop().time(), "done:", len(done), "pending:", len(pending))

asyncio.run(main())
