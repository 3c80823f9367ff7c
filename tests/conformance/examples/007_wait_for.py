import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return f"finished after {delay} s"

async def main():
    print(await asyncio.wait_for(job(0.5), timeout=1))
    try:
        await asyncio.wait_for(job(5), timeout=1)
    except asyncio.TimeoutError:
        print("gave up after 1 s")

asyncio.run(main())
