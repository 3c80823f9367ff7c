# Async: 100,000 tasks sleeping pseudo-random deadlines (a fixed LCG, so
# corolab and CPython draw the same numbers), then woken in deadline order.
import asyncio

N = 100000

async def sleeper(d, done):
    await asyncio.sleep(d)
    done.append(d)

async def main():
    done = []
    x = 12345
    tasks = []
    for _ in range(N):
        x = (x * 1103515245 + 12345) % 2147483648
        tasks.append(asyncio.create_task(sleeper((x % 100000) / 1000, done)))
    await asyncio.gather(*tasks)
    ordered = all(done[i] <= done[i + 1] for i in range(len(done) - 1))
    print("woken", len(done), "in order", ordered)

asyncio.run(main())
