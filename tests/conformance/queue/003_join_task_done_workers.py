import asyncio

async def worker(name, q):
    while True:
        job = await q.get()
        await asyncio.sleep(job)
        print(f"{name} finished job {job}")
        q.task_done()

async def main():
    q = asyncio.Queue()
    for job in [0.5, 1.5, 0.25, 1, 0.75]:
        q.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print("all jobs done at", asyncio.get_running_loop().time())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("workers stopped")

asyncio.run(main())
