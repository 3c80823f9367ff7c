import asyncio

async def runner(name, start):
    await start.wait()
    for lap in range(2):
        await asyncio.sleep(0.3 if name == "fast" else 0.5)
        print(name, "lap", lap)

async def main():
    start = asyncio.Event()
    racers = [asyncio.create_task(runner(n, start)) for n in ("fast", "slow")]
    await asyncio.sleep(1)
    print("go!")
    start.set()
    await asyncio.gather(*racers)

asyncio.run(main())
