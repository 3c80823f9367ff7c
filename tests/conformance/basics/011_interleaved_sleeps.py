import asyncio

async def worker(name, delays):
    for d in delays:
        await asyncio.sleep(d)
        print(f"{name} woke after {d}")

async def main():
    await asyncio.gather(
        worker("fast", [0.3, 0.3, 0.3]),
        worker("slow", [0.5, 0.5]),
        worker("once", [0.9]),
    )

asyncio.run(main())
