import asyncio

async def fetch(sem, url, delay):
    async with sem:
        await asyncio.sleep(delay)
        return f"{url}:{delay}"

async def main():
    sem = asyncio.Semaphore(3)
    jobs = [fetch(sem, f"u{i}", (i % 3 + 1) * 0.5) for i in range(7)]
    for r in await asyncio.gather(*jobs):
        print(r)
    print("finished at", asyncio.get_running_loop().time())

asyncio.run(main())
