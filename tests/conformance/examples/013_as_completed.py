import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} ({delay} s)"

async def main():
    jobs = [job("slow", 3), job("fast", 1), job("medium", 2)]
    for next_done in asyncio.as_completed(jobs):
        print("got", await next_done)

asyncio.run(main())
