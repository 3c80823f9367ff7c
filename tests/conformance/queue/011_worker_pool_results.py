import asyncio

async def worker(wid, jobs, results):
    while True:
        n = await jobs.get()
        try:
            await asyncio.sleep(n * 0.1)
            results.append((n, wid, asyncio.get_running_loop().time()))
        finally:
            jobs.task_done()

async def main():
    jobs = asyncio.Queue()
    results = []
    for n in [5, 1, 3, 2, 4, 1]:
        jobs.put_nowait(n)
    workers = [asyncio.create_task(worker(i, jobs, results), name=f"worker-{i}") for i in range(3)]
    await jobs.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    for n, wid, t in results:
        print(f"job {n} by worker {wid} done at {t:.1f}")

asyncio.run(main())
