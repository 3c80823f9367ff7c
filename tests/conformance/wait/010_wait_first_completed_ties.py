import asyncio

async def job(name):
    await asyncio.sleep(1)
    return name

async def main():
    tasks = [asyncio.create_task(job(n)) for n in "abc"]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), sorted(t.result() for t in done))

asyncio.run(main())
