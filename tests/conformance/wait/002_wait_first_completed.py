import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    tasks = {asyncio.create_task(job(n, d)) for n, d in [("a", 2), ("b", 1), ("c", 3)]}
    while tasks:
        done, tasks = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for t in done:
            print(asyncio.get_running_loop().time(), t.result(), "pending:", len(tasks))

asyncio.run(main())
